// Making an email's HTML safe to render as a record: scripts, handlers, forms and styles that
// could reach out are removed; remote images are not fetched (they could track the reader);
// inline images travel inside the document.
import { FilterXSS, safeAttrValue } from 'xss';

const ALLOWED: Record<string, string[]> = {
  a: ['href', 'title'],
  b: [],
  blockquote: [],
  br: [],
  caption: [],
  code: [],
  div: ['align'],
  em: [],
  font: ['color', 'size'],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  li: [],
  ol: [],
  p: ['align'],
  pre: [],
  s: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  sup: [],
  table: ['border', 'cellpadding', 'cellspacing', 'width'],
  tbody: [],
  td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
  th: ['colspan', 'rowspan', 'align', 'valign', 'width'],
  thead: [],
  tr: [],
  u: [],
  ul: [],
};

export interface SanitisedHtml {
  html: string;
  remoteImagesRemoved: number;
}

/**
 * Sanitises an email body. `inline` maps a Content-ID to a `data:` URI; `cid:` images that have
 * no inline part, and every remote image, become a short note instead.
 */
export function sanitiseEmailHtml(html: string, inline: Record<string, string>): SanitisedHtml {
  let remote = 0;
  const filter = new FilterXSS({
    whiteList: ALLOWED,
    stripIgnoreTag: true,
    stripIgnoreTagBody: ['script', 'style', 'title', 'head', 'iframe', 'object', 'embed', 'form'],
    safeAttrValue(tag, name, value, cssFilter) {
      if (tag === 'img' && name === 'src') {
        const cid = /^cid:(.+)$/i.exec(value.trim());
        if (cid) return inline[cid[1].replace(/^<|>$/g, '')] ?? '';
        if (/^data:image\/(png|gif|jpeg|jpg|webp);base64,/i.test(value.trim())) return value.trim();
        remote++;
        return '';
      }
      if (tag === 'a' && name === 'href' && !/^(https?:|mailto:)/i.test(value.trim())) return '';
      return safeAttrValue(tag, name, value, cssFilter);
    },
  });
  const out = filter
    .process(html)
    .replace(/<img(?![^>]*\ssrc="[^"]+")[^>]*>/gi, '<em>[image not included]</em>');
  return { html: out, remoteImagesRemoved: remote };
}
