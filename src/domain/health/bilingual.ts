/** Text shown to families in both product languages (Simplified Chinese first, product.md §3). */
export type Bilingual = { readonly 'zh-CN': string; readonly en: string };
