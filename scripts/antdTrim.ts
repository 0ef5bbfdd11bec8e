import type { Plugin } from 'vite';

type Redirect = { importer: string; source: string; to: string; why: string };

/**
 * Imports inside antd that bring code every page pays for and none of ours runs, sent elsewhere.
 * Each saved about 12 KB compressed on every family page (measured with the build's chunks).
 */
export function antdTrim(standIn: { editableText: string }): Plugin {
  const redirects: Redirect[] = [
    {
      importer: 'antd/es/typography/Base/index.js',
      source: '../Editable',
      to: standIn.editableText,
      why: 'every Title and Text carries the in-place editor (Input.TextArea) that only `editable` text shows; tuoyu has none',
    },
    {
      importer: 'antd/es/form/context.js',
      source: '@rc-component/form',
      to: '@rc-component/form/es/FormContext.js',
      why: 'the form context only needs FormProvider, but the package index assigns Field, List and useForm to the Form at load, so the whole form engine and its validator came with every Tooltip and Typography',
    },
  ];
  const used = new Set<Redirect>();
  let building = false;
  return {
    name: 'tuoyu-antd-trim',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      used.clear();
    },
    async resolveId(source, importer, options) {
      const redirect = importer && redirects.find((r) => r.source === source && importer.replaceAll('\\', '/').endsWith(r.importer));
      if (!redirect) return undefined;
      used.add(redirect);
      return this.resolve(redirect.to, importer, { ...options, skipSelf: true });
    },
    // An antd upgrade that moves a file or changes an import leaves its redirect matching nothing,
    // and the code it kept out quietly back on every page. (The dev server resolves on demand, so
    // only a whole build can tell.)
    buildEnd(error) {
      if (!building || error) return;
      for (const r of redirects.filter((r) => !used.has(r))) {
        this.warn(`no import of '${r.source}' in ${r.importer} was redirected (did antd's files change?), so again ${r.why}`);
      }
    },
  };
}
