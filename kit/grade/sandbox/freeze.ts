/**
 * Freezing the student's realm (see realm.ts), before any student or driver code loads: every
 * object reachable from the global object — constructors, prototypes, Math, JSON, Reflect, the
 * iterator and generator prototypes, the stand-ins — is frozen, and the global bindings become
 * read-only, so that nothing a driver uses can be patched. Two exceptions keep ordinary code
 * working: Math.random stays writable (a driver counts calls to it), and assigning `name`,
 * `message`, `toString`, `valueOf`, `toLocaleString` or `toJSON` on one's own objects still works
 * (those prototype properties become accessors that define an own property: the "override
 * mistake" of frozen prototypes). Runs inside the vm context; self-contained.
 */

/** Freezes everything reachable from `G` (the realm's global object); `deny` reports a write to a built-in. */
export function hardenRealm(G: Record<string, unknown>, deny: (words: string) => never): void {
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, freeze } = Object;
  const ownKeys = Reflect.ownKeys;
  // Not `constructor`: redefining Array.prototype.constructor would slow down every map/filter/slice.
  const OVERRIDABLE = new Set<PropertyKey>(['name', 'message', 'toString', 'valueOf', 'toLocaleString', 'toJSON']);
  /** Own objects may still shadow these (the "override mistake"): an accessor that defines an own property. */
  function tame(proto: object): void {
    for (const key of ownKeys(proto)) {
      const desc = getOwnPropertyDescriptor(proto, key)!;
      if (!OVERRIDABLE.has(key) || !('value' in desc) || !desc.configurable) continue;
      const value: unknown = desc.value;
      defineProperty(proto, key, {
        get: function () { return value; },
        set: function (this: object, v: unknown) {
          if (this === proto) deny(`tried to change the built-in ${String(key)}`);
          defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
        },
        enumerable: desc.enumerable,
        configurable: false,
      });
    }
  }
  const roots: unknown[] = [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
    /a/[Symbol.matchAll](''), function* () {}, async function () {}, async function* () {}];
  for (const key of ownKeys(G)) {
    const desc = getOwnPropertyDescriptor(G, key);
    if (desc !== undefined && 'value' in desc && desc.value !== G) roots.push(desc.value);
  }
  const seen = new WeakSet<object>();
  while (roots.length > 0) {
    const o = roots.pop();
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o as object)) continue;
    seen.add(o as object);
    const ctor = getOwnPropertyDescriptor(o, 'constructor');
    if (ctor !== undefined && typeof ctor.value === 'function' && (ctor.value as { prototype?: unknown }).prototype === o) tame(o as object);
    for (const key of ownKeys(o as object)) {
      const desc = getOwnPropertyDescriptor(o, key)!;
      if ('value' in desc) roots.push(desc.value);
      else roots.push(desc.get, desc.set);
    }
    roots.push(getPrototypeOf(o));
    if (o === Math) {
      for (const key of ownKeys(Math)) defineProperty(Math, key, { writable: key === 'random', configurable: false });
      Object.preventExtensions(Math);
    } else {
      freeze(o);
    }
  }
  for (const key of ownKeys(G)) {
    const desc = getOwnPropertyDescriptor(G, key);
    // (The full descriptor: the vm context's global forwards definitions, and a missing value would become undefined.)
    if (desc !== undefined && desc.configurable) defineProperty(G, key, { ...desc, ...('value' in desc ? { writable: false } : {}), configurable: false });
  }

}
