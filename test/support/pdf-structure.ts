/**
 * The structure tree of a tagged PDF, for pdf-writer.ts: a StructTreeRoot,
 * its elements (each naming its parent, its page and its kids: MCIDs of the
 * page's marked content, or other elements), and the ParentTree that maps a
 * page's MCIDs back to the elements owning them, which is how readers
 * (pdf.js among them) find a page's part of the tree (ISO 32000-1, 14.7.4).
 */
import type { PdfPage, StructElement } from './pdf-writer';

export interface Structure {
  /** Entries for the catalog: /MarkInfo and /StructTreeRoot. */
  catalog: string;
  /** The /StructParents entry of page `i`, if it is tagged. */
  pageEntry(i: number): string;
  /** The tag of the element owning a page's MCID (written before BDC). */
  tagOf(i: number, mcid: number): string;
  /** The objects to add, numbered from the `first` given. */
  objects: string[];
}

export function structureOf(pages: readonly PdfPage[], pageObject: (i: number) => number, first: number): Structure | undefined {
  if (!pages.some((p) => p.structure)) return undefined;
  const root = first;
  const objects: string[] = [];
  const owners = pages.map(() => new Map<number, { num: number; role: string }>());
  const top: number[] = [];
  let next = first + 1;
  const write = (el: StructElement, parent: number, parentPage: number): number => {
    const page = el.page ?? parentPage;
    const num = next++;
    const index = objects.push('') - 1;
    const kids = el.kids.map((k) => {
      if (typeof k !== 'number') return `${write(k, num, page)} 0 R`;
      owners[page]!.set(k, { num, role: el.role });
      return String(k);
    });
    objects[index] = `<< /Type /StructElem /S /${el.role} /P ${parent} 0 R /Pg ${pageObject(page)} 0 R /K [${kids.join(' ')}] >>`;
    return num;
  };
  objects.push('');
  pages.forEach((p, i) => p.structure?.forEach((el) => top.push(write(el, root, i))));
  const nums = pages
    .map((p, i) => {
      if (!p.structure) return '';
      const byMcid = [...owners[i]!].sort(([a], [b]) => a - b);
      return `${i} [${byMcid.map(([, o]) => `${o.num} 0 R`).join(' ')}]`;
    })
    .join(' ');
  objects[0] = `<< /Type /StructTreeRoot /K [${top.map((n) => `${n} 0 R`).join(' ')}] /ParentTree << /Nums [${nums}] >> /ParentTreeNextKey ${pages.length} >>`;
  return {
    catalog: ` /MarkInfo << /Marked true >> /StructTreeRoot ${root} 0 R`,
    pageEntry: (i) => (pages[i]?.structure ? ` /StructParents ${i}` : ''),
    tagOf: (i, mcid) => owners[i]?.get(mcid)?.role ?? 'Span',
    objects,
  };
}
