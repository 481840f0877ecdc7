// A translated sentence with {{placeholders}}, made into a function of their values once instead of
// asking i18next on every call: t() looks the key up through the language's fallbacks and parses the
// sentence each time, and a scrolling grid draws hundreds of cells a frame. In the scroll bench's
// profile, t() was about a third of rendering the grid.

/** Stands in for a placeholder's value while the sentence is translated: no translation contains it. */
const marker = (index: number) => `\uE000${index}\uE000`
const MARKER = /\uE000(\d+)\uE000/

/**
 * `translate` asks t() for the sentence with the values given (e.g. `(values) => t('cell.was',
 * values)`). Only for plain placeholders: not a plural's count or a formatted number, which t() itself
 * must see.
 */
export function fillable<Name extends string>(
  translate: (values: Record<Name, string>) => string,
  names: readonly Name[],
): (values: Record<Name, string | number>) => string {
  const markers = Object.fromEntries(names.map((name, index) => [name, marker(index)])) as Record<
    Name,
    string
  >
  // Split on the markers: text, the index of a placeholder, text, ... (always text first and last).
  const parts = translate(markers).split(MARKER)
  return (values) => {
    let sentence = parts[0]!
    for (let at = 1; at < parts.length; at += 2) {
      sentence += String(values[names[Number(parts[at])]!]) + parts[at + 1]!
    }
    return sentence
  }
}
