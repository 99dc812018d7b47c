// State the add-on keeps between executions (script properties, cache entries) is JSON it wrote
// itself; a value that is missing or damaged reads as nothing, and the caller starts afresh.

export function parseSaved<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
