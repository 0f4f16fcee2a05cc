/**
 * The desk's own rules, added after the site's stylesheet on desk pages only (readers never download them).
 * The desk page's CSP allows this combined sheet by its hash (src/http/security.ts).
 */
import { STYLES } from '../styles.ts';

const DESK_RULES = `
.desk .wrap{max-width:72rem}
.desk-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.desk-nav a[aria-current=page]{font-weight:700;color:var(--fg)}
.desk-nav form{display:inline}
.link-button{background:none;color:var(--accent);padding:0;min-height:24px;font-weight:400;text-decoration:underline}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.queue{list-style:none;margin:0;padding:0}
.queue>li{border-block-end:1px solid var(--line);padding-block:.75rem;display:flex;gap:.75rem;align-items:flex-start}
.queue .pick{min-width:24px;min-height:24px;margin-block-start:.4rem}
.queue .item{flex:1;min-width:0}
.facts{margin:0;font-size:.95rem;color:var(--muted)}
.facts bdi{color:var(--fg);font-weight:700}
.reasons{margin:.25rem 0;font-size:.95rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-block:.5rem}
.actions button,.bulk button,.filters button{padding:.35rem 1rem;min-height:44px}
.bulk,.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-block:1rem}
.filters .field{margin:0}
.filters input,.bulk select,.signin input{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:.25rem;padding:.4rem}
.signin{max-width:24rem}
.counts{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem}
.counts a{display:block;border:1px solid var(--line);border-radius:.25rem;padding:.5rem 1rem;text-decoration:none}
.counts strong{display:block;font-size:1.5rem;color:var(--fg)}
.done{border:2px solid var(--accent);border-radius:.25rem;padding:.5rem 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-block-end:1px solid var(--line);padding:.35rem;text-align:start;vertical-align:top}
`.trim();

/** The stylesheet of every desk page: the site's, then the desk's. */
export const DESK_STYLES = `${STYLES}\n${DESK_RULES}`;
