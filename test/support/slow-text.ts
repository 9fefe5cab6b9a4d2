/** Text that is slow to read for a detector that backtracks or rescans: for the tests and the bench. */

/** "A12   A12   … (E1392": code-like items and spaces before a code, `length` characters in all. */
export function adversarialLine(length: number): string {
  const tail = '(E1392';
  return 'A12   '.repeat(Math.ceil((length - tail.length) / 6)).slice(0, length - tail.length) + tail;
}

/** One line of `bytes` characters of claim-note prose: modifier-like words (GA, RT, NU, KX …), codes with modifiers, labels. */
export function longLine(bytes: number): string {
  const phrase = 'GA RT NU KX per note, E1392 RR billed, Dx: J1100 and J449, CO 45 on line 2, modifier GA applied; ';
  return phrase.repeat(Math.ceil(bytes / phrase.length)).slice(0, bytes);
}

/** A page with one code-free text node of `bytes` characters, then a short paragraph with a code. */
export function codeFreeNodePage(bytes: number): string {
  const line = 'The claim was received on the first business day of the month and routed to the review queue without further correspondence. ';
  return `<!doctype html><meta charset="utf-8"><title>code-free text node</title>
<pre id="dump" style="white-space:pre-wrap">${line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes)}</pre>
<p id="after">Portable concentrator E1392 billed monthly.</p>`;
}

/** A table of `rows` claim lines without <thead>: its header row is the first row of its body. Two columns keep the page as light as such a table can be. */
export function headlessTablePage(rows: number): string {
  const codes = ['E1392', 'E0431', 'J1100', 'A4253', 'K0001'];
  const body: string[] = ['<tr><th>HCPCS</th><th>Mod</th></tr>'];
  for (let i = 0; i < rows; i++) body.push(`<tr id="r${i}"><td>${codes[i % 5]}<td>RR`);
  return `<!doctype html><meta charset="utf-8"><title>${rows} rows, no thead</title><table><tbody>${body.join('')}</tbody></table>`;
}

/** A page whose paragraphs hold the adversarial line and a 256 KB line, each ending in a code. */
export function slowLinesPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>slow lines</title>
<p id="adversarial">${adversarialLine(79)}) ${adversarialLine(4000)}</p>
<p id="long" style="word-break:break-all">${longLine(256 * 1024)} last code E0431</p>`;
}
