/** Splits PascalCase entity names into words: "PartitionLog" -> "partition log". */
export const entityWords = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
