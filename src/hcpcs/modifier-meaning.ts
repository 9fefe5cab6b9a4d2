/**
 * Whether the words after a modifier say what that modifier means: the page
 * confirming itself ("EY – No physician order", "RT Right side"). Compared
 * with CMS's long and short descriptions, allowing the abbreviations of the
 * short ones ("No md order for item/service") and the other's word endings
 * ("rented" for "rental").
 */
export interface ModifierMeaning {
  long: string;
  short: string;
}

/** Words that say nothing about which modifier is meant. */
const STOP = new Set(
  ('a an and are as at be by for from has have in is it its not of on or the this that to under used use when which with ' +
    'item items service services supply supplies procedure procedures patient patients claim claims modifier modifiers code codes billed bill').split(' '),
);

/** CMS's abbreviations in short descriptions, and the word a page writes out. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  md: 'physician', bene: 'beneficiary', svc: 'service', serv: 'service', dme: 'durable', rnt: 'rental', mo: 'month', pur: 'purchase',
  ini: 'initial', clm: 'claim', op: 'outpatient', prost: 'prosthesis', lwr: 'lower', ext: 'extremity', lvl: 'level', functnl: 'functional',
  repl: 'replacement', rplc: 'replacement', w: 'with', ind: 'individual', tx: 'treatment', pt: 'patient', ot: 'occupational',
};

const words = (text: string) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((w) => ABBREVIATIONS[w] ?? w);

/** The same word, or one a prefix of the other past four letters ("rent" / "rental", "administer" / "administered"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/** The first words of the claim that carry meaning: up to a sentence end, at most eight. */
function claimWords(claim: string): string[] {
  const sentence = claim.split(/[.;](?:\s|$)|\s[–—-]\s/, 1)[0] ?? '';
  return words(sentence).filter((w) => !STOP.has(w) && !/^\d+$/.test(w)).slice(0, 8);
}

/**
 * `listed`: the modifier opens an item of a list a heading names as
 * modifiers; one word of its meaning is enough there ("GZ – Expected to be
 * denied"). Elsewhere most of the words must be the description's, and at
 * least two: "GA – General anesthesia" or "TC – Total cholesterol" are not.
 */
export function looksLikeMeaning(claim: string, meaning: ModifierMeaning, listed: boolean): boolean {
  const said = claimWords(claim);
  if (said.length === 0) return false;
  const described = words(`${meaning.long} ${meaning.short}`).filter((w) => !STOP.has(w));
  const matched = said.filter((w) => described.some((d) => sameWord(w, d))).length;
  if (listed) return matched >= 1;
  return matched >= 2 && matched / said.length >= 0.6;
}
