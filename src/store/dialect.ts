/** The two SQL dialects of the store (its own module, so the migrations need not import the store). */
export type Dialect = 'sqlite' | 'postgres';
