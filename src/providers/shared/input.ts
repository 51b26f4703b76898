/** Case- and space-insensitive membership, for category names people type. */
export const inCategoryList = (category: string | null, list: string[]): boolean => {
  if (!category) return false;
  const wanted = category.trim().toLowerCase();
  return list.some((c) => c.trim().toLowerCase() === wanted);
};
