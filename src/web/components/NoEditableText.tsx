/** Stands in for antd's Typography editor in the build (scripts/antdTrim.ts). */
export default function NoEditableText(): never {
  throw new Error('Typography `editable` is left out of the build: see scripts/antdTrim.ts');
}
