/**
 * The whole stylesheet, inlined in every page (allowed by its CSP hash, see src/http/security.ts).
 * Arabic typography: system Arabic fonts, generous line height, no letter-spacing, no justification, no italics.
 */
export const STYLES = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#555;--accent:#0a58a8;--line:#d6d6d6;--soft:#f3f3f3}
@media (prefers-color-scheme:dark){:root{--bg:#121314;--fg:#ececec;--muted:#b4b4b4;--accent:#8cbcff;--line:#3a3a3a;--soft:#1e1f21}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-behavior:smooth}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.8 system-ui,"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Segoe UI",Tahoma,sans-serif;text-align:start;overflow-wrap:break-word}
a{color:var(--accent);text-underline-offset:.2em}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
em,i,cite{font-style:normal}
em{font-weight:600}
.wrap{max-width:40rem;margin-inline:auto;padding-inline:1rem}
.skip{position:absolute;inset-inline-start:1rem;top:-5rem;background:var(--fg);color:var(--bg);padding:.5rem 1rem;border-radius:.25rem;z-index:2}
.skip:focus{top:.5rem}
.site-header{border-block-end:1px solid var(--line)}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;min-height:3.5rem;padding-block:.5rem}
.site-search{display:flex;align-items:center;gap:.25rem;font-size:.95rem}
.site-search input{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:.25rem;padding:.25rem .5rem;width:9rem}
.site-search button{padding:.25rem .75rem;min-height:36px}
mark{background:#fde68a;color:#1b1b1b}
.brand{font-size:1.5rem;font-weight:700;color:var(--fg);text-decoration:none}
main{display:block;padding-block:1rem 2rem}
main:focus{outline:none}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem;font-size:.95rem}
.crumbs li+li::before{content:"‹";margin-inline-end:.5rem;color:var(--muted)}
h1,h2,h3{line-height:1.45}
h1{font-size:1.8rem;margin:.5rem 0 .75rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem}
.dek{font-size:1.2rem;color:var(--muted);margin:0 0 .75rem}
.meta{font-size:.95rem;color:var(--muted);margin:0 0 1.5rem}
.body p{margin:0 0 1.1rem}
.body img{max-width:100%;height:auto}
.teasers{list-style:none;margin:0;padding:0}
.teasers li{border-block-end:1px solid var(--line);padding-block:1rem}
.teasers h2{margin:0 0 .25rem;font-size:1.3rem}
.teasers h2 a{color:var(--fg);text-decoration:none}
.teasers h2 a:hover{text-decoration:underline}
.teasers .dek{font-size:1.05rem;margin:0 0 .25rem}
.teasers .meta{margin:0}
.pager{display:flex;justify-content:space-between;margin-block:1.5rem}
.comments,.respond{border-block-start:2px solid var(--line);margin-block-start:2.5rem;padding-block-start:.5rem}
.notice{color:var(--muted);font-size:.95rem}
.comment-list{list-style:none;margin:0;padding:0}
.comment-list .comment-list{padding-inline-start:1rem;border-inline-start:2px solid var(--line)}
.comment{padding-block:.75rem}
.comment.held{background:var(--soft);padding-inline:.75rem}
.comment-meta{margin:0;font-size:.95rem;color:var(--muted)}
.comment-author{font-weight:700;color:var(--fg)}
.comment-date{color:var(--muted)}
.comment-body p{margin:.25rem 0 .5rem;white-space:normal}
.newsroom,.pinned{margin-inline-start:.5rem;padding:0 .4rem;border:1px solid var(--accent);border-radius:.25rem;color:var(--accent);font-size:.85rem;font-weight:700}
.held-note{margin:.25rem 0;font-weight:700}
.reply,.report{font-size:.95rem}
.report{margin-inline-start:1.5rem;color:var(--muted)}
.comment-sort{display:flex;flex-wrap:wrap;align-items:center;gap:0 .75rem;margin-block:.5rem 1rem}
.comment-sort ul{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;margin:0;padding:0}
.comment-sort a{display:inline-block;padding-block:.5rem}
.comment-sort [aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
.agree{margin:0 0 .5rem}
.agree button{color:var(--accent);background:transparent;border:1px solid var(--accent);padding:.25rem .75rem;font-weight:600}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 1rem}
.field label{font-weight:600}
.required{color:#b00020}
input[type=text],input[type=email],input[type=url],textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:.25rem;padding:.5rem;width:100%}
.invalid input,.invalid textarea{border:2px solid #b00020}
.field-error{color:#b00020;font-weight:600}
@media (prefers-color-scheme:dark){.field-error,.required{color:#ff8a80}.invalid input,.invalid textarea{border-color:#ff8a80}}
.error-summary,.form-alert{border:2px solid #b00020;border-radius:.25rem;padding:.5rem 1rem;margin-block:1rem}
.hp{display:none}
button{font:inherit;font-weight:700;color:var(--bg);background:var(--accent);border:0;border-radius:.25rem;padding:.6rem 1.5rem;cursor:pointer;min-height:44px}
.to-top{display:inline-block;margin-block:1.5rem;padding:.5rem 0}
.site-footer{border-block-start:1px solid var(--line);color:var(--muted);font-size:.95rem;padding-block:1rem 2rem}
@media print{.skip,.site-search,.site-header,.crumbs,.respond,.reply,.report,.to-top,.pager,.comment-sort,.agree{display:none}body{background:#fff;color:#000;font-size:12pt}a{color:inherit;text-decoration:none}.wrap{max-width:none}h1,h2{break-after:avoid}p{orphans:3;widows:3}}
`.trim();
