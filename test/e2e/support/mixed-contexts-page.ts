/**
 * A generated page that mixes every context the detector reads: Dx/ICD
 * labels and columns, a definition list, HI and SV1 segments, remittance
 * group codes, claim numbers and longer tokens, ranges, CPT named as CPT,
 * Mod columns, modifier prose and lists, addresses, acronyms, and a long
 * line where a label lies further back than the context window.
 */
export function mixedContextsPage(): string {
  const longLine = `${'The supplier notes that the member called twice about delivery times and asked for a portable unit. '.repeat(3)}Dx: J1100 was recorded. ${'Follow-up notes about the delivery schedule. '.repeat(3)}Rental E1392 billed with RR, J1100 given.`;
  return `<!doctype html><meta charset="utf-8"><title>mixed contexts</title><link rel="stylesheet" href="/portal.css">
<main class="card">
<h1>Claim review — mixed contexts</h1>
<p>Dx: J1100, E1100 and J449 are diagnoses; ICD-10-CM E1165 too. Procedure E1392-RR-KX was billed, then E0431 (RR).</p>
<p>CPT 99213-25 and CPT® code: 0042T are named as CPT; zip 30303 and 99213 alone are not.</p>
<p>Claim CLM-E1392-0001, serial E1392X, token XE1392, E1392.5 and the range E0100-E0105.</p>
<p>Remittance: E1392 CO 45 $12.00; PR 1 deductible; OA 23. Append the KX modifier; modifiers GA, GY and GZ describe liability.</p>
<p>Ship to 191 Peachtree St NE, Atlanta, GA 30303. SARS-CoV-2 RT-PCR not detected. PA required. Status OK. TC notes.</p>
<p>${longLine}</p>
<table class="grid"><thead><tr><th>HCPCS</th><th>Mod 1</th><th>Mod 2</th><th>Dx</th></tr></thead>
<tbody><tr><td>E1392</td><td>RR</td><td>KX</td><td>J1100</td></tr><tr><td>J1100</td><td>JW</td><td></td><td>E1100</td></tr></tbody></table>
<dl><dt>Diagnosis</dt><dd>J1100</dd><dt>Procedure</dt><dd>E0470-RR</dd></dl>
<h3>Modifiers</h3>
<ul><li>GA – Waiver of liability statement issued as required by payer policy</li><li>NU – New equipment</li><li>CA – California office</li></ul>
<pre>ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260105*1200*^*00501*000000001*0*P*:~
HI*ABK:J1100*ABF:E1100~
SV1*HC:E1390:RR:KX*250*UN*1***1~
CAS*CO*45*12.50~</pre>
<p>Form fields are read too: <input value="E1392 RR" aria-label="HCPCS"></p>
</main>`;
}
