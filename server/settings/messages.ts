// What the settings API and CLI say to a person, in one place (tests assert on these functions).
import type { EditableSetting, FixedSetting } from './catalogue.ts';

export const settingMessages = {
  unknown: (key: string, keys: string[]) => `There is no setting "${key}". Settings that can be changed: ${keys.join(', ')}.`,
  readOnly: (s: FixedSetting) =>
    `"${s.label}" cannot be changed while Parity runs: set ${s.env} in the server's environment and restart it.`,
  notAllowed: (s: EditableSetting) => `"${s.label}" must be ${s.allowedText}.`,
  /** A stored value that no longer passes its schema (e.g. a range narrowed in a later version). */
  ignoredSaved: (s: EditableSetting, value: string) => `Ignoring the saved value "${value}" of ${s.key}: it must be ${s.allowedText}.`,
};
