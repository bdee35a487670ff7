import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Finds, in TypeScript source, where a table is written or read: SQL in string and template
 * literals (comments and code are not SQL), and TypeORM calls on an entity's repository, manager or
 * query builder. Pure: it reads text, never a database. `table-owners.spec.ts` runs it over apps/
 * and libs/ and holds each finding against the owners in `table-owners.ts`.
 */

export type AccessKind = 'write' | 'read';

export interface TableAccess {
  /** Repository-relative, with forward slashes. */
  file: string;
  line: number;
  table: string;
  kind: AccessKind;
  /** How: the SQL verb (`INSERT INTO`, `FROM`) or the TypeORM call (`getRepository(XEntity).save`). */
  how: string;
}

/** A table name in SQL, optionally schema-qualified or quoted; group 1 is the name. */
const NAME = String.raw`(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?`;
/** What a template literal's `${…}` becomes in the scanned text: never a name, so never a table. */
const HOLE = '${…}';

const SQL_WRITES: { how: string; pattern: RegExp }[] = [
  { how: 'INSERT INTO', pattern: new RegExp(String.raw`\bINSERT\s+INTO\s+${NAME}`, 'gi') },
  // `UPDATE t SET`, `UPDATE t AS a SET`, `UPDATE t a SET`; never `DO UPDATE SET` (no table) or `FOR UPDATE`.
  {
    how: 'UPDATE',
    pattern: new RegExp(String.raw`\bUPDATE\s+(?:ONLY\s+)?${NAME}(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s+SET\b`, 'gi'),
  },
  { how: 'DELETE FROM', pattern: new RegExp(String.raw`\bDELETE\s+FROM\s+(?:ONLY\s+)?${NAME}`, 'gi') },
];
/** TRUNCATE names one table or several (`TRUNCATE a, b`); group 1 is the list. */
const TRUNCATE = new RegExp(
  String.raw`\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?((?:"?[a-z_][a-z0-9_]*"?)(?:\s*,\s*"?[a-z_][a-z0-9_]*"?)*)`,
  'gi',
);
/** A write whose table is an expression: the scan cannot tell which, so the rule refuses it. */
const DYNAMIC_WRITE = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+\$\{…\}/gi;
const SQL_READ = new RegExp(String.raw`\b(FROM|JOIN)\s+(?:ONLY\s+)?${NAME}`, 'gi');
const SQL_KEYWORDS = new Set(['set', 'only', 'table', 'on', 'select', 'values', 'default', 'as', 'lateral', 'unnest']);

/** The TypeORM calls that change rows, on a repository, a manager (`manager.save(XEntity, …)`) or a query builder. */
const WRITE_METHODS = new Set([
  'save',
  'insert',
  'update',
  'delete',
  'upsert',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
]);
/** The query-builder calls that name the entity after the verb: `.insert().into(X)`, `.delete().from(X)`. */
const TARGET_METHODS = new Set(['into', 'from']);
/** Calls that make a repository or query builder of the entity given as their first argument. */
const ENTITY_HANDLES = new Set(['getRepository', 'withRepository', 'createQueryBuilder', 'getTreeRepository']);
/** The calls that read an entity's rows when given its class. */
const READ_METHODS = new Set([
  ...ENTITY_HANDLES,
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'from',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
]);

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

/** The text of a string or template literal as SQL would see it, holes as `${…}`; null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
  return null;
}

/** SQL accesses in one literal's text. `known`: the tables a read may name (a FROM of anything else is not a table). */
export function sqlAccesses(
  text: string,
  known: ReadonlySet<string>,
): { table: string; kind: AccessKind; how: string; index: number }[] {
  const found: { table: string; kind: AccessKind; how: string; index: number }[] = [];
  const writeStarts = new Set<number>();
  // Prose may say "delete from the list": a table no one knows counts only after an upper-case verb, as SQL here is written.
  const isTable = (table: string, verb: string) => !SQL_KEYWORDS.has(table) && (known.has(table) || verb === verb.toUpperCase());
  for (const { how, pattern } of SQL_WRITES) {
    for (const match of text.matchAll(pattern)) {
      const table = match[1].toLowerCase();
      if (!isTable(table, match[0].split(/\s/)[0])) continue;
      found.push({ table, kind: 'write', how, index: match.index! });
      // DELETE FROM t is not also a read of t.
      writeStarts.add(match.index! + match[0].length);
    }
  }
  for (const match of text.matchAll(TRUNCATE)) {
    for (const name of match[1].split(',')) {
      const table = name.trim().replace(/"/g, '').toLowerCase();
      if (isTable(table, match[0].slice(0, 'TRUNCATE'.length)))
        found.push({ table, kind: 'write', how: 'TRUNCATE', index: match.index! });
    }
  }
  for (const match of text.matchAll(DYNAMIC_WRITE)) {
    found.push({ table: HOLE, kind: 'write', how: match[1].toUpperCase().replace(/\s+/g, ' '), index: match.index! });
  }
  for (const match of text.matchAll(SQL_READ)) {
    const table = match[2].toLowerCase();
    if (!known.has(table) || writeStarts.has(match.index! + match[0].length)) continue;
    found.push({ table, kind: 'read', how: match[1].toUpperCase(), index: match.index! });
  }
  return found;
}

/** Every `@Entity('name')` / `@Entity({ name: 'name' })` class in a file: class name → table. */
export function entityTables(text: string, file = 'entity.ts'): Map<string, string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const tables = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') continue;
        const [argument] = call.arguments;
        let name: string | undefined;
        if (argument && ts.isStringLiteralLike(argument)) name = argument.text;
        if (argument && ts.isObjectLiteralExpression(argument)) {
          for (const property of argument.properties) {
            if (
              ts.isPropertyAssignment(property) &&
              ts.isIdentifier(property.name) &&
              property.name.text === 'name' &&
              ts.isStringLiteralLike(property.initializer)
            )
              name = property.initializer.text;
          }
        }
        // TypeORM would derive a name; the house names every table, so the scan can follow it.
        if (!name) throw new Error(`${file}: @Entity on ${node.name.text} names no table; give it one (@Entity({ name: '…' }))`);
        tables.set(node.name.text, name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return tables;
}

/** The identifiers of an exported array constant's elements: `export const X_ENTITIES = [A, B]` → [A, B]. */
export function arrayElements(text: string, constant: string): string[] | null {
  const source = ts.createSourceFile('list.ts', text, ts.ScriptTarget.Latest, true);
  let names: string[] | null = null;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === constant &&
      node.initializer &&
      ts.isArrayLiteralExpression(node.initializer)
    )
      names = node.initializer.elements.map((element) => element.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function calledName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/**
 * All table accesses in one file. `entities`: entity class name → table, over the whole code base
 * (an entity is used by its class name, wherever it is imported from).
 */
export function scanSource(
  file: string,
  text: string,
  entities: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
): TableAccess[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const accesses: TableAccess[] = [];
  const entityOf = (node: ts.Node | undefined): string | null =>
    node && ts.isIdentifier(node) && entities.has(node.text) ? node.text : null;

  // Names bound to one entity's repository: `const r = m.getRepository(X)`, `r: Repository<X>`,
  // `@InjectRepository(X) private r`; each in its own scope, so two functions' `repository` differ.
  const scopes = new Map<ts.Node, Map<string, string>>();
  const isScope = (node: ts.Node) => ts.isBlock(node) || ts.isSourceFile(node) || ts.isFunctionLike(node) || ts.isClassLike(node);
  const enclosing = (node: ts.Node, test: (node: ts.Node) => boolean): ts.Node | undefined => {
    for (let current = node.parent; current; current = current.parent) if (test(current)) return current;
    return undefined;
  };
  const bindIn = (scope: ts.Node | undefined, name: string, entity: string) => {
    if (!scope) return;
    if (!scopes.has(scope)) scopes.set(scope, new Map());
    scopes.get(scope)!.set(name, entity);
  };
  const boundEntity = (node: ts.Node): string | null => {
    const name = (node as ts.Identifier).text;
    for (let current: ts.Node | undefined = node; current; current = current.parent) {
      const entity = scopes.get(current)?.get(name);
      if (entity) return entity;
    }
    return null;
  };
  const bind = (node: ts.Node) => {
    if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) &&
      ts.isIdentifier(node.name)
    ) {
      let entity: string | null = null;
      const type = node.type;
      if (type && ts.isTypeReferenceNode(type) && type.typeName.getText(source) === 'Repository') {
        const argument = type.typeArguments?.[0];
        if (argument && ts.isTypeReferenceNode(argument) && entities.has(argument.typeName.getText(source)))
          entity = argument.typeName.getText(source);
      }
      const initializer = node.initializer;
      if (initializer && ts.isCallExpression(initializer) && ENTITY_HANDLES.has(calledName(initializer) ?? ''))
        entity = entityOf(initializer.arguments[0]) ?? entity;
      for (const decorator of ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []) {
        const call = decorator.expression;
        if (ts.isCallExpression(call) && calledName(call) === 'InjectRepository') entity = entityOf(call.arguments[0]) ?? entity;
      }
      if (entity) {
        const name = node.name.text;
        if (ts.isPropertyDeclaration(node)) bindIn(node.parent, name, entity);
        else if (ts.isParameter(node)) {
          bindIn(node.parent, name, entity);
          // A constructor's `private readonly r: Repository<X>` is also `this.r`.
          if (node.modifiers?.some((m) => m.kind !== ts.SyntaxKind.Decorator))
            bindIn(enclosing(node, ts.isClassLike), name, entity);
        } else bindIn(enclosing(node, isScope), name, entity);
      }
    }
    ts.forEachChild(node, bind);
  };
  bind(source);

  /** The entity a receiver chain is about: `m.getRepository(X)…`, a bound name, `this.bound`. */
  const receiverEntity = (node: ts.Expression): string | null => {
    let current: ts.Expression = node;
    for (;;) {
      if (ts.isIdentifier(current)) return boundEntity(current);
      if (ts.isPropertyAccessExpression(current)) {
        if (current.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const owner = enclosing(current, ts.isClassLike);
          return (owner && scopes.get(owner)?.get(current.name.text)) ?? null;
        }
        current = current.expression;
        continue;
      }
      if (ts.isCallExpression(current)) {
        if (ENTITY_HANDLES.has(calledName(current) ?? '')) {
          const entity = entityOf(current.arguments[0]);
          if (entity) return entity;
        }
        current = current.expression;
        continue;
      }
      if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAwaitExpression(current)) {
        current = current.expression;
        continue;
      }
      return null;
    }
  };
  /** Whether a query builder chain below `node` has a write verb (`.insert()`, `.delete()`, …). */
  const chainWrites = (node: ts.Expression): boolean => {
    let current: ts.Expression = node;
    while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
      if (ts.isCallExpression(current) && WRITE_METHODS.has(calledName(current) ?? '')) return true;
      current = current.expression;
    }
    return false;
  };

  const record = (node: ts.Node, entity: string, kind: AccessKind, how: string) =>
    accesses.push({ file, line: lineOf(source, node.getStart(source)), table: entities.get(entity)!, kind, how });

  const visit = (node: ts.Node) => {
    const text = literalText(node);
    if (text !== null) {
      const start = node.getStart(source);
      for (const access of sqlAccesses(text, known)) {
        const line = lineOf(source, start) + (text.slice(0, access.index).match(/\n/g)?.length ?? 0);
        accesses.push({ file, line, table: access.table, kind: access.kind, how: access.how });
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression;
      if (WRITE_METHODS.has(method)) {
        // manager.save(X, …), queryBuilder.update(X), else the receiver's entity.
        const entity = entityOf(node.arguments[0]) ?? receiverEntity(receiver);
        const how = entityOf(node.arguments[0]) ? `.${method}(${entity}, …)` : `${entity} repository .${method}()`;
        if (entity) record(node, entity, 'write', how);
      } else if (TARGET_METHODS.has(method) && entityOf(node.arguments[0]) && chainWrites(receiver)) {
        record(node, entityOf(node.arguments[0])!, 'write', `query builder .${method}(${entityOf(node.arguments[0])})`);
      } else if (READ_METHODS.has(method) && entityOf(node.arguments[0])) {
        record(node, entityOf(node.arguments[0])!, 'read', `${method}(${entityOf(node.arguments[0])})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A repository made for a write is not also a read of it on the same line.
  const writes = new Set(accesses.filter((a) => a.kind === 'write').map((a) => `${a.line}|${a.table}`));
  return accesses.filter((a) => a.kind === 'write' || !writes.has(`${a.line}|${a.table}`));
}

/** Writes by anyone but the table's owner, not listed in `allowed`; a table no one owns is one too. */
export function writeViolations(
  accesses: readonly TableAccess[],
  owners: Record<string, { owner: string }>,
  allowed: readonly { file: string; table: string }[],
): string[] {
  return accesses
    .filter((access) => access.kind === 'write')
    .filter((access) => owners[access.table]?.owner !== ownerOfFile(access.file))
    .filter((access) => !allowed.some((entry) => entry.file === access.file && entry.table === access.table))
    .map(
      (access) =>
        `${access.file}:${access.line} writes ${access.table} (${access.how}), ` +
        (owners[access.table]
          ? `which ${owners[access.table].owner} owns`
          : 'which has no owner in test/platform/table-owners.ts (name the table literally, and give it one)'),
    );
}

/**
 * Raw SQL reads (FROM, JOIN) in libs of a table another lib owns, not declared under its `sqlReaders`.
 * A view its owner publishes (`view: true`) is there to be read: any lib may.
 */
export function readViolations(
  accesses: readonly TableAccess[],
  owners: Record<string, { owner: string; view?: true; sqlReaders?: Record<string, string> }>,
): string[] {
  return accesses
    .filter((a) => a.kind === 'read' && /^(FROM|JOIN)$/.test(a.how) && a.file.startsWith('libs/') && owners[a.table])
    .filter((a) => {
      const { owner, view, sqlReaders } = owners[a.table];
      return owner !== ownerOfFile(a.file) && !view && !sqlReaders?.[ownerOfFile(a.file)];
    })
    .map(
      (a) =>
        `${a.file}:${a.line} reads ${a.table} with SQL, which ${owners[a.table].owner} owns: read it through ${owners[a.table].owner}'s public entry or a view it publishes, or declare the read in table-owners.ts with why`,
    );
}

/** Who a file speaks for: `libs/<lib>/…` → `<lib>`, `apps/<app>/…` → `apps/<app>`. */
export function ownerOfFile(file: string): string {
  const [root, name] = file.split('/');
  return root === 'libs' ? name : `${root}/${name}`;
}

/**
 * The TypeScript source the rule covers, repository-relative: apps/ and libs/, without the
 * migrations (they create and change every table, as they must), specs (tests set up their own
 * rows) and the browser console (it has no database).
 */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(path.join(root, directory), { withFileTypes: true })) {
      const relative = `${directory}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name === 'migrations' || relative === 'apps/console') continue;
        walk(relative);
      } else if (/\.tsx?$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(relative);
      }
    }
  };
  walk('apps');
  walk('libs');
  return files.sort();
}

/** The tables the migrations create (`CREATE [UNLOGGED] TABLE "x"`). */
export function migratedTables(root: string, migrations = 'libs/platform/src/database/migrations'): Set<string> {
  const tables = new Set<string>();
  for (const name of readdirSync(path.join(root, migrations))) {
    const text = readFileSync(path.join(root, migrations, name), 'utf8');
    for (const match of text.matchAll(/CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi))
      tables.add(match[1]);
  }
  return tables;
}

/**
 * The views the migrations create (`CREATE [OR REPLACE] VIEW "x" AS …`), each with its defining
 * SELECT, read from the migrations' string and template literals.
 */
export function migratedViews(root: string, migrations = 'libs/platform/src/database/migrations'): Map<string, string> {
  const views = new Map<string, string>();
  for (const name of readdirSync(path.join(root, migrations)).filter((file) => file.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      name,
      readFileSync(path.join(root, migrations, name), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node) => {
      const text = literalText(node);
      const match = text && /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+"?([a-z_][a-z0-9_]*)"?\s+AS\s+([\s\S]*)$/i.exec(text);
      if (match) views.set(match[1], match[2]);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return views;
}
