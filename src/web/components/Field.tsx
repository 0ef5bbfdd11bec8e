import { type CSSProperties, type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** What a field's control needs to be named by its label and described by its message. */
export type FieldControl = {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  /** For a group of choices (no single element a <label> can point to): the label's id. */
  'aria-labelledby'?: string;
};

type Props = {
  label: ReactNode;
  /** The field's error, shown in place of the help while there is one. */
  error?: string;
  help?: ReactNode;
  /** A group of choices: the label names the group instead of pointing at one input. */
  group?: boolean;
  style?: CSSProperties;
  children: (control: FieldControl) => ReactNode;
};

/**
 * A label, its control and the message under it, drawn as antd's vertical form items are. The
 * family pages use it instead of antd's Form: the form engine and its validator weigh about 21 KB
 * compressed, a tenth of a phone page's budget, for forms of one to eight fields.
 */
export function Field({ label, error, help, group, style, children }: Props) {
  const id = useId();
  const labelId = `${id}-label`;
  const noteId = `${id}-note`;
  const note = error ?? help;
  const control: FieldControl = {
    id,
    ...(error ? { 'aria-invalid': true } : {}),
    ...(note ? { 'aria-describedby': noteId } : {}),
    ...(group ? { 'aria-labelledby': labelId } : {}),
  };
  return (
    <div className="field" style={style}>
      {group ? (
        <div id={labelId} className="field-label">
          {label}
        </div>
      ) : (
        <label id={labelId} htmlFor={id} className="field-label">
          {label}
        </label>
      )}
      {children(control)}
      {note && (
        <div id={noteId} className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
          {note}
        </div>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & {
  /** A unit after the value ("kg"). */
  suffix?: ReactNode;
  /** Shows a clear button (named by `clearLabel`) while there is a value. */
  onClear?: () => void;
  clearLabel?: string;
};

/** The browser's own input in antd's look: dates, numbers and text as the phone's keyboard knows them. */
export function TextInput({ suffix, onClear, clearLabel, ...input }: InputProps) {
  const box = <input className="text-input" {...input} />;
  const clear = onClear && input.value !== undefined && input.value !== '';
  if (!suffix && !onClear) return box;
  return (
    <span className="text-input-affixed">
      {box}
      {clear ? (
        <button type="button" className="text-input-affix" aria-label={clearLabel} onClick={onClear}>
          ×
        </button>
      ) : (
        suffix && <span className="text-input-affix">{suffix}</span>
      )}
    </span>
  );
}

type TextFieldProps = Omit<Props, 'children' | 'group'> & Omit<InputProps, 'style'>;

/** A field whose control is one input: the label, the input and its message, wired together. */
export function TextField({ label, error, help, style, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} help={help} style={style}>
      {(control) => <TextInput {...control} {...input} />}
    </Field>
  );
}
