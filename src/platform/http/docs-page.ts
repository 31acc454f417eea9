// A self-contained HTML page listing the API from its OpenAPI document (no CDN: relais runs
// offline). The JSON document itself is at /api/openapi.json.

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

export function docsPage(document: { info: { title: string; version: string; description?: string }; paths?: Record<string, unknown> }): string {
  const rows: string[] = [];
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const [method, raw] of Object.entries(item as Record<string, Operation>)) {
      const op = raw as Operation;
      const access = /Access: (\w+)/.exec(op.description ?? '')?.[1] ?? '';
      rows.push(
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(route)}</code></td><td>${escape(access)}</td><td>${escape(op.summary ?? '')}</td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:13px}</style></head>
<body><h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description ?? '')}</p>
<p>The OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with the session cookie (send <code>x-csrf-token</code> on writes) or <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Access</th><th>What</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
