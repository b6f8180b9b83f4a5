/** One small stylesheet, readable on a laptop and a phone; served as a file so the CSP can forbid inline styles. */
export const adminCss = `
:root { --fg:#1d2330; --muted:#667085; --line:#d9dee7; --bg:#f6f7f9; --card:#fff; --accent:#1f6feb; --bad:#c62828; --ok:#2e7d32; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color: var(--accent); }
header.top { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; padding:.6rem 1rem; background:#0f1b2d; color:#fff; }
header.top a { color:#dbe6ff; text-decoration:none; }
header.top .brand { font-weight:700; color:#fff; }
header.top nav { display:flex; flex-wrap:wrap; gap:.25rem .9rem; flex:1; }
header.top nav a[aria-current] { color:#fff; border-bottom:2px solid #fff; }
header.top .logout { display:flex; gap:.5rem; align-items:center; margin:0; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: .4rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.cards { display:grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap:.75rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; }
.card .label { color:var(--muted); font-size:.85rem; }
.card .value { font-size:1.5rem; font-weight:600; }
.scroll { overflow-x:auto; background:var(--card); border:1px solid var(--line); border-radius:8px; }
table { border-collapse: collapse; width:100%; }
th, td { text-align:left; padding:.45rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.85rem; color:var(--muted); font-weight:600; white-space:nowrap; }
td.num, th.num { text-align:right; white-space:nowrap; }
.bar { display:inline-block; height:.6rem; background:var(--accent); border-radius:2px; vertical-align:middle; }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin-bottom:1rem; }
label { display:flex; flex-direction:column; gap:.2rem; font-size:.85rem; color:var(--muted); }
input, select, textarea, button { font:inherit; padding:.4rem .5rem; border:1px solid var(--line); border-radius:6px; background:#fff; color:var(--fg); }
textarea { width:100%; min-height:5rem; }
button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; }
button.danger { background:var(--bad); border-color:var(--bad); }
.ok { color:var(--ok); } .bad { color:var(--bad); } .muted { color:var(--muted); }
.error { color:var(--bad); font-weight:600; }
.turn { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.6rem .8rem; margin:.6rem 0; }
.msg { margin:.3rem 0; white-space:pre-wrap; word-break:break-word; }
.msg.user::before { content:"Driver: "; font-weight:600; }
.msg.assistant::before { content:"Assistant: "; font-weight:600; color:var(--accent); }
.tools { font-size:.85rem; margin:.4rem 0 0; padding-left:1.1rem; }
.meta { font-size:.8rem; color:var(--muted); }
pre { white-space:pre-wrap; word-break:break-word; background:#f0f2f5; padding:.5rem; border-radius:6px; font-size:.8rem; }
body.login main { max-width: 360px; margin-top: 10vh; }
body.login form { display:flex; flex-direction:column; gap:.8rem; }
.hint { font-size:.85rem; color:var(--muted); }
.stack > * + * { margin-top:.75rem; }
.htmx-request { opacity:.6; }
@media (max-width: 640px) { th.wide, td.wide { display:none; } main { padding:.6rem; } }
`
