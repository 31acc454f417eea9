// Who counts as an influential author for alerts: the one function to change when Map's
// influence score (reach × trust) replaces the follower count.

export interface AuthorFacts {
  followers: number;
}

/** An author's influence as alert rules compare it with their threshold: followers, for now. */
export function authorInfluence(author: AuthorFacts): number {
  return author.followers;
}
