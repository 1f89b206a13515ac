// Types of prisma-schemas.mjs, for the tests that check migrations against the model.
export declare const providers: ('sqlite' | 'postgresql')[];
export declare function schemaFor(provider: 'sqlite' | 'postgresql'): string;
