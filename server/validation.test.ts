import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { inputProblems } from './kit/index.js';

class Probe {
  @Length(2, 10, { message: 'Le nom doit compter de 2 à 10 caractères.' })
  name!: string;

  @IsOptional()
  @MaxLength(5, { message: 'La note est limitée à 5 caractères.' })
  note?: string | null;
}

const probe = (values: Partial<Probe>) => Object.assign(new Probe(), values);

describe('inputProblems (an input built outside GraphQL, checked as an argument would be)', () => {
  it('trims strings in place and finds nothing in a good input', async () => {
    const input = probe({ name: '  Recyclerie \u200b', note: null });
    expect(await inputProblems(input, 'row')).toEqual([]);
    expect(input.name).toBe('Recyclerie');
  });

  it('lists every rule that fails, each with its field, instead of throwing at the first', async () => {
    const problems = await inputProblems(probe({ name: ' x ', note: 'beaucoup trop long' }), 'row');
    expect(problems).toEqual([
      { field: 'row.name', message: 'Le nom doit compter de 2 à 10 caractères.' },
      { field: 'row.note', message: 'La note est limitée à 5 caractères.' },
    ]);
  });

  it('refuses the characters GraphQL inputs refuse (NUL, bidirectional controls), once per field', async () => {
    const problems = await inputProblems(probe({ name: 'ab\u202Ecd' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'name' });
    expect(problems[0]!.message).toMatch(/direction/);
  });
});
