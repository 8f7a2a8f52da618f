/** cli-table3's own width measure (ANSI codes stripped, wide characters counted twice), so fixed widths match its layout. */
declare module 'cli-table3/src/utils.js' {
  export function strlen(s: string): number;
}
