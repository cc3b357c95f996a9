// The HTTP API as the pages use it. Errors come back as ApiError with the problem+json body (code, title, detail,
// errors[] with field and Vietnamese message).
import { config } from '../config.js';
import { officerHeaders } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  get fieldErrors() { return this.problem.errors ?? []; }
}

/**
 * access: the enterprise's secret (sent in the X-Access-Token header, never in the URL);
 * officer: send the officer's identity and the CSRF header X-Requested-With: nscl.
 */
export async function api(path, { method = 'GET', json, body, headers = {}, access, officer = false, raw = false } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (json !== undefined) h['Content-Type'] = 'application/json; charset=utf-8';
  if (access) h['X-Access-Token'] = access;
  if (officer) Object.assign(h, officerHeaders(), { 'X-Requested-With': 'nscl' });
  const response = await fetch(config.apiBase + path, {
    method,
    headers: h,
    body: json !== undefined ? JSON.stringify(json) : body,
    credentials: officer ? 'include' : 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (raw && response.ok) return response;
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Uploads one file as the raw body; the server decides its type from the content. */
export function uploadAttachment(applicationId, file, { access, officer = false, documentKind = null } = {}) {
  const headers = { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) };
  // Which of the kind's required documents the file is (GET /api/catalogue: supportKinds[].requiredDocuments).
  if (documentKind) headers['X-Document-Kind'] = documentKind;
  return api(`/api/applications/${encodeURIComponent(applicationId)}/attachments`, { method: 'POST', body: file, access, officer, headers });
}

/** Downloads a file of the API with the caller's credentials in headers, and saves it under fileName. */
export async function download(path, fileName, { access, officer = false } = {}) {
  const response = await api(path, { access, officer, raw: true, headers: { Accept: '*/*' } });
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an attachment (see download). */
export function downloadAttachment(applicationId, name, caller) {
  return download(`/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(name)}`, name, caller);
}

/** What a person's step changes, refused ones included (version); reminders and escalations change only bookkeeping, not this. */
export function stepSignature(view) {
  const l = view.lifecycle ?? {};
  return JSON.stringify([view.status, view.version, view.allowedActions, (l.checkIns ?? []).map((c) => c.status), (l.supplementations ?? []).length,
    Boolean(l.finalReport), Boolean(l.pendingExtension), (l.extensions ?? []).length, (l.appraisals ?? []).length]);
}

/** Polls the application until changed(view) holds (the workflow records an accepted action a moment later). */
export async function waitForChange(load, changed, { timeoutMs = 60_000, intervalMs = 700 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = await load();
    if (changed(view) || Date.now() > until) return view;
    await new Promise((resolve) => { setTimeout(resolve, intervalMs); });
  }
}
