// Export buttons: each downloads an export of the API (/api/exports/…, officers only, unit rules applied by the API)
// with the officer's credentials in headers, as .xlsx or .csv. Failures are told in the page's status region.
import { el, notify } from './dom.js';
import { download, ApiError } from './api.js';

/**
 * A group of buttons; items: [{ id, text, path: () => string, fileName }]. path is read at click time (the filters
 * as they are then).
 */
export function exportButtons(label, items, status) {
  return el('div', { class: 'export-buttons', role: 'group', 'aria-label': label }, items.map((item) => {
    const button = el('button', { type: 'button', class: 'button secondary', id: item.id }, item.text);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await download(item.path(), item.fileName, { officer: true });
      } catch (error) {
        notify(status, `Không xuất được tệp: ${error instanceof ApiError ? error.message : 'lỗi kết nối.'}`, 'error');
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }), ' ');
}
