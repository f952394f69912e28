import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { globFiles } from '../glob.js';
import type * as TS from 'typescript';
import type { CompileResult } from './types.js';
import { linkPackages, packageDir } from './packages.js';

/**
 * The TypeScript compiler, loaded on first use from the pinned `typescript` generator package: it is 23 MB that
 * `diff` and the other commands never need, so it is not a dependency of specdrift (docs/generators.md).
 */
let ts: typeof TS;
export async function loadTypeScript(): Promise<typeof TS> {
  ts ??= createRequire(import.meta.url)(packageDir('typescript')) as typeof TS;
  return ts;
}

/** Where compiled JavaScript (CommonJS) and drivers go inside a client's output directory. */
export const BUILD_DIR = '.specdrift/build';
/** Never part of the generated client: our own files, linked packages, tests and docs the generators write. */
export const IGNORED = ['node_modules/**', '.specdrift/**', '**/*.spec.ts', '**/*.test.ts', 'test/**', 'tests/**', 'docs/**'];

export interface TypeScriptProject {
  /** Globs (relative to the output directory) of the client's sources. */
  include: string[];
  /** Packages the generated code imports at run time (linked into `outDir/node_modules`). */
  runtimePackages: readonly string[];
  /** Extra sources we add next to the generated ones, e.g. the typed `createClient<paths>()` openapi-fetch users write. */
  extraFiles?: Record<string, string>;
}

/**
 * What we type-check against: the strict settings of a typical TypeScript app that uses a generated client
 * (bundler resolution, DOM + Node types), so an error here is one a user would see.
 */
export const checkOptions = (): TS.CompilerOptions => ({
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  resolveJsonModule: true,
});

/** How we run it: CommonJS, because several generators write extension-less relative imports that Node's ESM loader refuses. */
const emitOptions = (): TS.CompilerOptions => ({
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  rewriteRelativeImportExtensions: true,
  // Class fields as the generators' authors expected (ES5-era semantics): a bare `name: string;` declares, it does not reset to undefined.
  useDefineForClassFields: false,
  sourceMap: false,
});

export async function compileTypeScript(outDir: string, project: TypeScriptProject): Promise<CompileResult> {
  const started = Date.now();
  await loadTypeScript();
  await linkPackages(outDir, [...project.runtimePackages, '@types/node']);
  for (const [name, text] of Object.entries(project.extraFiles ?? {})) await writeFile(join(outDir, name), text);
  const files = await globFiles([...project.include, ...Object.keys(project.extraFiles ?? {})], {
    cwd: outDir,
    absolute: true,
    ignore: IGNORED,
    dot: false,
  });
  if (files.length === 0) return { ok: false, errors: [`no TypeScript files matching ${project.include.join(', ')}`], ms: Date.now() - started };

  // `types: ['node']` resolves through typeRoots; pin them to the output directory (where @types/node is linked),
  // or the check depends on the directory specdrift happens to be started from.
  const program = ts.createProgram([...new Set(files)], { ...checkOptions(), typeRoots: [join(outDir, 'node_modules', '@types')] });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => formatDiagnostic(d, outDir));

  const buildDir = join(outDir, BUILD_DIR);
  await mkdir(buildDir, { recursive: true });
  await writeFile(join(buildDir, 'package.json'), '{"type":"commonjs"}\n');
  for (const file of files) {
    if (file.endsWith('.d.ts')) continue;
    const source = await readFile(file, 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: emitOptions(), fileName: file });
    const target = join(buildDir, relative(outDir, file)).replace(/\.(m|c)?tsx?$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return { ok: errors.length === 0, errors, ms: Date.now() - started };
}

function formatDiagnostic(diagnostic: TS.Diagnostic, outDir: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${relative(outDir, diagnostic.file.fileName)}(${line + 1},${character + 1}): TS${diagnostic.code}: ${message}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning generated code for the callable symbols and their parameters (syntax only: no type checker needed).

export interface ScannedParam {
  /** Parameter name; for a destructured parameter, `{}`. */
  name: string;
  optional: boolean;
  /** Property names when the parameter is destructured, an inline object type, or an interface declared in the same file. */
  members?: string[];
  /** Name of the parameter's type when it is a plain type reference (`V0041JobSubmitReq`). */
  typeName?: string;
  /** For members: the type name of each member that is a plain type reference. */
  memberTypes?: Record<string, string>;
}

export interface ScannedFunction {
  /** Function, method or property name. */
  name: string;
  /** Enclosing class or object property (`SlurmApi`, `slurm`), if any. */
  container?: string;
  params: ScannedParam[];
  /** `Promise<X>` → `X` when X is a plain type reference. */
  returnType?: string;
  /** For clients addressed by method + path (openapi-fetch): the path; `container` is then the method. */
  path?: string;
  /** File, relative to the output directory. */
  file: string;
  /** A `static` class method (openapi-typescript-codegen's services). */
  static?: boolean;
  /** For an object member (`api.defects.getJobs`): the exported class the object property belongs to. */
  owner?: string;
}

export interface ScanOptions {
  /** Exported top-level functions and `export const f = (…) =>`. */
  functions?: boolean;
  /** Public methods of exported classes whose name matches. */
  classes?: RegExp;
  /** Arrow functions in object literals assigned to properties of exported classes (swagger-typescript-api). */
  classObjectMembers?: boolean;
}

export async function scanTypeScript(outDir: string, include: string[], opts: ScanOptions): Promise<ScannedFunction[]> {
  await loadTypeScript();
  const files = await globFiles(include, { cwd: outDir, ignore: IGNORED });
  const found: ScannedFunction[] = [];
  for (const file of files.sort()) {
    if (file.endsWith('.d.ts')) continue;
    const text = await readFile(join(outDir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const interfaces = collectInterfaces(source);
    const describe = (name: string, fn: TS.SignatureDeclarationBase, container?: string): ScannedFunction => ({
      name,
      container,
      params: fn.parameters.map((p) => describeParam(p, interfaces)),
      returnType: promiseOf(fn.type),
      file,
    });
    for (const statement of source.statements) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (opts.functions && ts.isFunctionDeclaration(statement) && statement.name) {
        found.push(describe(statement.name.text, statement));
      }
      if (opts.functions && ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          const init = decl.initializer;
          if (ts.isIdentifier(decl.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
            found.push(describe(decl.name.text, init));
          }
        }
      }
      if (ts.isClassDeclaration(statement) && statement.name) {
        const className = statement.name.text;
        for (const member of statement.members) {
          if (!member.name || !ts.isIdentifier(member.name)) continue;
          const hidden = hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword);
          if (hidden) continue;
          if (opts.classes?.test(className) && ts.isMethodDeclaration(member)) {
            found.push({ ...describe(member.name.text, member, className), ...(hasModifier(member, ts.SyntaxKind.StaticKeyword) ? { static: true } : {}) });
          }
          if (opts.classObjectMembers && ts.isPropertyDeclaration(member) && member.initializer && ts.isObjectLiteralExpression(member.initializer)) {
            for (const prop of member.initializer.properties) {
              if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && ts.isArrowFunction(prop.initializer)) {
                found.push({ ...describe(prop.name.text, prop.initializer, member.name.text), owner: className });
              }
            }
          }
        }
      }
    }
  }
  return found;
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

type InterfaceMap = Map<string, { members: string[]; memberTypes: Record<string, string> }>;

function collectInterfaces(source: TS.SourceFile): InterfaceMap {
  const map: InterfaceMap = new Map();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) map.set(statement.name.text, membersOf(statement.members));
    if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) map.set(statement.name.text, membersOf(statement.type.members));
  }
  return map;
}

function membersOf(members: TS.NodeArray<TS.TypeElement>): { members: string[]; memberTypes: Record<string, string> } {
  const names: string[] = [];
  const memberTypes: Record<string, string> = {};
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.name) continue;
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (!name) continue;
    names.push(name);
    const type = member.type && ts.isTypeReferenceNode(member.type) && ts.isIdentifier(member.type.typeName) ? member.type.typeName.text : undefined;
    if (type) memberTypes[name] = type;
  }
  return { members: names, memberTypes };
}

function describeParam(param: TS.ParameterDeclaration, interfaces: InterfaceMap): ScannedParam {
  const optional = Boolean(param.questionToken || param.initializer);
  const typeName = param.type && ts.isTypeReferenceNode(param.type) && ts.isIdentifier(param.type.typeName) ? param.type.typeName.text : undefined;
  if (ts.isObjectBindingPattern(param.name)) {
    const members = param.name.elements.map((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : e.name.getText()));
    return { name: '{}', optional, members, typeName };
  }
  const name = param.name.getText();
  if (param.type && ts.isTypeLiteralNode(param.type)) return { name, optional, ...membersOf(param.type.members) };
  const declared = typeName ? interfaces.get(typeName) : undefined;
  return declared ? { name, optional, typeName, ...declared } : { name, optional, typeName };
}

function promiseOf(type: TS.TypeNode | undefined): string | undefined {
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const [argument] = type.typeArguments ?? [];
  if (argument && ts.isTypeReferenceNode(argument) && ts.isIdentifier(argument.typeName)) return argument.typeName.text;
  return undefined;
}
