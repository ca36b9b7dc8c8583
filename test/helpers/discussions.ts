import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real comment threads beside the project (`../shared/fixtures/discussions`). */
export const DISCUSSIONS = join(process.cwd(), '..', 'shared', 'fixtures', 'discussions');

export function readDiscussion(name: string): string {
  return readFileSync(join(DISCUSSIONS, name), 'utf8');
}

export interface NumberedComment {
  n: number;
  author: string;
  date: string;
  text: string;
}

/** Comments written as `  N. Name` / `    Date` / blank / indented text lines. */
export function numberedComments(text: string): NumberedComment[] {
  const lines = text.split('\n');
  const comments: NumberedComment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!.match(/^\s{2}(\d+)\.\s+(.+?)\s*$/);
    if (!head) continue;
    const body: string[] = [];
    let j = i + 3;
    for (; j < lines.length && !/^\s{2}\d+\.\s/.test(lines[j]!); j++) body.push(lines[j]!.trim());
    comments.push({ n: Number(head[1]), author: head[2]!, date: lines[i + 1]!.trim(), text: body.join('\n').trim() });
    i = j - 1;
  }
  return comments;
}

/** Blocks of lines that appear twice in a row: the double posts of a thread. */
export function doubledBlocks(text: string): string[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let found = 0;
    for (let k = 1; k <= 20 && i + 2 * k <= lines.length; k++) {
      if (lines.slice(i, i + k).join('\n') === lines.slice(i + k, i + 2 * k).join('\n')) {
        found = k;
        break;
      }
    }
    if (found) {
      blocks.push(lines.slice(i, i + found).join('\n'));
      i += 2 * found;
    } else i++;
  }
  return blocks;
}
