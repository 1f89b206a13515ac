// The core sits under everything: it imports only its own files and types of the contracts leaf
// (no rules, database, engine or Node built-ins) and nothing in it waits, so simulate, the
// activities and deciding can all call it.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const coreDir = new URL('../../src/core/', import.meta.url);
const files = readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
const source = (file: string) => readFileSync(new URL(file, coreDir), 'utf8');

function asyncParts(file: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AsyncKeyword || ts.isAwaitExpression(node)) found.push(node.getText());
    if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Promise') found.push(node.getText());
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source(file), ts.ScriptTarget.ES2022, true));
  return found;
}

function typeOnlyImports(file: string): Set<string> {
  const found = new Set<string>();
  for (const statement of ts.createSourceFile(file, source(file), ts.ScriptTarget.ES2022, true).statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) found.add((statement.moduleSpecifier as ts.StringLiteral).text);
  }
  return found;
}

describe('src/core', () => {
  // Types of the contracts leaf (which imports nothing) are the one exception: the cycle kinds and
  // the permanent failure names are listed there once, for every process.
  it.each(files)('%s imports only files of src/core (and types of src/contracts)', (file) => {
    const imports = ts.preProcessFile(source(file), true, true).importedFiles.map((i) => i.fileName);
    expect(imports.filter((name) => !name.startsWith('./') && !(name.startsWith('../contracts/') && typeOnlyImports(file).has(name)))).toEqual([]);
  });

  it.each(files)('%s is synchronous', (file) => {
    expect(asyncParts(file)).toEqual([]);
  });
});
