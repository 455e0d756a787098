import { useEffect, useState } from "preact/hooks";

/** Phones start with sections folded, so a long design reads as a list of headings. */
export const narrow = () => typeof matchMedia === "function" && matchMedia("(max-width: 760px)").matches;

/** The section a jump link (`#sec-<id>`) names, or undefined. */
const hashSection = () => (location.hash.startsWith("#sec-") ? location.hash.slice(5) : undefined);

/** Open/closed state of a foldable section; a jump link to it unfolds it (the browser scrolls there). */
export function useFold(id: string, folded?: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => !(folded ?? narrow()) || hashSection() === id);
  useEffect(() => {
    const on = () => {
      if (hashSection() === id) setOpen(true);
    };
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, [id]);
  return [open, setOpen];
}
