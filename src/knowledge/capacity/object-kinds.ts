/**
 * What one stored object is when the prompt names the kind of thing a system keeps and serves: a package registry's
 * objects are published package tarballs, not the container layers an artifact store is typically sized by. A kind
 * named in the prompt fixes the object size the capacity models read (as an assumption that names the prompt's words),
 * ahead of any model's typical value; a size the prompt states wins over it.
 */
export interface ObjectKind {
  /** The prompt's words that name the kind (matched once per prompt). */
  re: RegExp;
  /** The size of one object, in bytes. */
  bytes: number;
  /** Why, in our own words, with the source of the figure. */
  because: string;
}

export const OBJECT_KINDS: readonly ObjectKind[] = [
  // Sandworm's "State of npm 2023" counted about 34 million published versions taking 24 TB, an average package of
  // about 416 KB; PyPI, RubyGems and crates.io packages are of the same order (source and a few build outputs)
  {
    re: /\b(?:package (?:registry|registries|repository|repositories|manager|index|mirror)|npm|pypi|rubygems|crates\.io|maven central|nuget)\b/i,
    bytes: 400000,
    because:
      "each object is one published package version's tarball, a few hundred KB on average (npm held about 24 TB over some 34 million versions in 2023, about 400 KB each)",
  },
];

/** The quantities an object kind fixes: the stored object and the cached copy of it served from the edge. */
export const OBJECT_KIND_QUANTITIES = ["object_bytes", "value_bytes"] as const;
