declare module 'gas-local' {
  interface GasLocal {
    require(
      folder: string,
      globalObject?: Record<string, unknown>,
      options?: { filter?: (path: string) => boolean }
    ): Record<string, unknown>;
    globalMockDefault: Record<string, unknown>;
  }
  const gas: GasLocal;
  export default gas;
}
