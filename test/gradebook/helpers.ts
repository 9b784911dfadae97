/** Shared by the gradebook tests: the kit's own files, temporary folders, a rewriting "copier". */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ts from 'typescript';

export const KIT = path.resolve(__dirname, '..', '..');
/**
 * The exercises whose files the similarity report can judge (code). partial-derivatives is left
 * out: its answers are string literals, which the fingerprints normalise away (README, similarity).
 */
export const EXERCISES = ['autograd', 'cross-entropy', 'gradient-descent', 'minibatch', 'mse', 'optimizers'];
/** Every exercise of the kit: the folders of course/ with an exercise.json. */
export const ALL_EXERCISES = fs.readdirSync(path.join(KIT, 'course')).filter((f) => fs.existsSync(path.join(KIT, 'course', f, 'exercise.json'))).sort();

export function read(rel: string): string {
  return fs.readFileSync(path.join(KIT, rel), 'utf8');
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `descent-gradebook-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * What a copier does to hide a copy: every declared name (variables, parameters, functions,
 * classes, properties) renamed with `tag`, comments dropped and the layout reprinted by
 * TypeScript's printer (different indentation, line breaks and quotes).
 */
export function disguise(source: string, tag: string): string {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name;
    if (name !== undefined && ts.isIdentifier(name) && !ts.isPropertySignature(node) && !ts.isMethodDeclaration(node) && !ts.isFunctionDeclaration(node)) declared.add(name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const rename: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const walk = (node: ts.Node): ts.Node => (ts.isIdentifier(node) && declared.has(node.text) ? ts.factory.createIdentifier(`${tag}_${node.text}`) : ts.visitEachChild(node, walk, context));
    return (root) => ts.visitNode(root, walk) as ts.SourceFile;
  };
  const renamed = ts.transform(file, [rename]).transformed[0];
  return ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.CarriageReturnLineFeed }).printFile(renamed).replace(/ {4}/g, '\t');
}
