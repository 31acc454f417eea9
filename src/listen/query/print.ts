// The canonical text of a query: upper-case operators, NOT rather than -, and parentheses only
// where the grammar needs them, so that parseQuery(printQuery(ast)) gives the same tree back.
// Editors use it to show a query the way relais reads it.
import type { QueryNode } from './ast.ts';

/** Canonical query text, e.g. an OR of cimes and a NOT of emploi → `cimes OR NOT emploi`. */
export function printQuery(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.text;
    case 'phrase':
      return `"${node.text}"`;
    case 'proximity':
      return `"${node.text}"~${node.distance}`;
    case 'wildcard':
      return node.pattern;
    case 'hashtag':
      return `#${node.tag}`;
    case 'mention':
      return `@${node.handle}`;
    case 'raw':
      return `raw:${printQuery(node.value)}`;
    case 'field': {
      const v = node.value.type;
      const grouped = v === 'and' || v === 'or' || v === 'not' || v === 'near';
      return `${node.field}:${grouped ? `(${printQuery(node.value)})` : printQuery(node.value)}`;
    }
    case 'not':
      return `NOT ${group(node.child, node.child.type === 'and' || node.child.type === 'or')}`;
    case 'and':
    case 'or': {
      const op = node.type === 'and' ? ' AND ' : ' OR ';
      return node.children.map((c) => group(c, c.type === 'and' || c.type === 'or')).join(op);
    }
    case 'near': {
      // NEAR chains read left to right, so only a NEAR on the right needs parentheses.
      const left = group(node.left, node.left.type === 'or');
      const right = group(node.right, node.right.type === 'or' || node.right.type === 'near');
      return `${left} ${node.ordered ? 'ONEAR' : 'NEAR'}/${node.distance} ${right}`;
    }
  }
}

function group(node: QueryNode, needed: boolean): string {
  return needed ? `(${printQuery(node)})` : printQuery(node);
}
