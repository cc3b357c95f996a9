// Building the page from data: every value goes in as text (textContent / attributes), never as HTML.

/** Creates an element. attrs: attributes (on* handlers are refused); children: nodes or strings (as text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) throw new Error('event handlers are attached with addEventListener');
    if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) { node.replaceChildren(); return node; }

export const $ = (selector, root = document) => root.querySelector(selector);

const money = new Intl.NumberFormat('vi-VN');
export const vnd = (amount) => (amount === null || amount === undefined ? '—' : `${money.format(amount)} đồng`);

const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
export const date = (iso) => (iso ? dateFormat.format(new Date(iso)) : '—');
export const dateTime = (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

/** Shows a message in a live region. kind: 'info' | 'error' | 'success'. */
export function notify(region, text, kind = 'info') {
  region.className = `notice notice-${kind}`;
  region.textContent = text;
  region.hidden = !text;
}
