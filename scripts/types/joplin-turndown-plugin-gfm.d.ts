// @joplin/turndown-plugin-gfm ships no types: its plugins are functions that configure a TurndownService.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  /** Tables, strikethrough and task lists, as GitHub Flavored Markdown. */
  export const gfm: TurndownService.Plugin;
}
