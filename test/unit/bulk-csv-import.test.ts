import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { BASIC_POLICY } from '../../shared/password/rules';
import { decodeCsv, detectDelimiter, parseBulkCsv, type ParsedImport } from '../../electron/node/bulk/csv-import';

const STRICT = { minLength: 12, requireSpecial: true, consecutiveLength: 4 };

function parse(text: string, o: Partial<Parameters<typeof parseBulkCsv>[1]> = {}): ParsedImport {
  return parseBulkCsv(text, { fileName: 'users.csv', policy: BASIC_POLICY, ...o });
}

function problems(result: ParsedImport): [number, string[]][] {
  return result.rows.filter((r) => r.problems.length > 0).map((r) => [r.index, r.problems.map((p) => p.code)]);
}

describe('bulk CSV import', () => {
  it('reads UTF-8 with a BOM, CRLF line ends, and finds the header in any case', () => {
    const text = decodeCsv(
      Buffer.from('\ufeffEMAIL,Password\r\nana@example.com,Bright-Otter-42\r\nbo@example.com,\r\n'),
    );
    const result = parse(text);
    assert.equal(result.preview.hasHeader, true);
    assert.deepEqual(result.preview.columns, ['EMAIL', 'Password']);
    assert.equal(result.preview.userColumn, 0);
    assert.equal(result.preview.passwordColumn, 1);
    assert.deepEqual(
      result.rows.map((r) => [r.user, r.password]),
      [
        ['ana@example.com', 'Bright-Otter-42'],
        ['bo@example.com', null],
      ],
    );
    assert.deepEqual(result.preview.counts, { rows: 2, included: 2, excluded: 0, withPassword: 1, withoutPassword: 1 });
  });

  it('takes semicolons when the first line has more of them, and keeps quoted separators, quotes and line breaks', () => {
    const text = 'user_id;name;password\n"ab12CD34ef";"Doe; Jane";"x""Quote;9-Tiger"\nzz99yy88xx;"two\nlines";\n';
    assert.equal(detectDelimiter(text), ';');
    const result = parse(text);
    assert.equal(result.preview.delimiter, ';');
    assert.equal(result.preview.userColumn, 0);
    assert.equal(result.preview.passwordColumn, 2);
    assert.equal(result.rows[0]?.password, 'x"Quote;9-Tiger');
    assert.equal(result.rows[1]?.user, 'zz99yy88xx');
    assert.equal(result.rows[1]?.line, 3, 'the line a row starts on');
    assert.deepEqual(problems(result), []);
  });

  it('recognises user, user_id, id and email headers, preferring email', () => {
    assert.equal(parse('ID,Email\nabc123,ana@example.com\n').preview.userColumn, 1);
    assert.equal(parse('name,User\nAna,ana@example.com\n').preview.userColumn, 1);
    assert.equal(parse('name,User ID\nAna,abc123\n').preview.userColumn, 1);
    assert.equal(parse('x,id\n1,abc123\n').preview.userColumn, 1);
  });

  it('without a known header, numbers the columns and guesses the user column from e-mail addresses', () => {
    const result = parse('Ana,ana@example.com\nBo,bo@example.com\n');
    assert.equal(result.preview.hasHeader, false);
    assert.deepEqual(result.preview.columns, ['Column 1', 'Column 2']);
    assert.equal(result.preview.userColumn, 1);
    assert.equal(result.preview.passwordColumn, null);
    assert.equal(result.rows.length, 2);
  });

  it('asks for the user column when it cannot tell, and takes the one picked', () => {
    const text = 'login,secret\nabc123,Bright-Otter-42\n';
    const unsure = parse(text);
    assert.equal(unsure.preview.userColumn, null);
    assert.match(unsure.preview.message ?? '', /pick the user column/);
    assert.deepEqual(problems(unsure), [
      [1, ['missing_user']],
      [2, ['missing_user']],
    ]);
    const picked = parse(text, { userColumn: 0, passwordColumn: 1 });
    assert.deepEqual(
      picked.rows.map((r) => [r.user, r.problems.map((p) => p.code)]),
      [
        ['login', ['bad_password']],
        ['abc123', []],
      ],
      'without a header the first line is a row like any other (its "password" breaks the rules)',
    );
  });

  it('excludes bad rows as they are, never fixing them: empty, invalid user, bad password, duplicates, unreadable', () => {
    const text = [
      'email,password',
      'ana@example.com,Bright-Otter-42',
      ',,',
      'not an email,Bright-Otter-42',
      'bo@example.com,short1A',
      'ANA@example.com,Another-Otter-43',
      'cy@example.com, Padded-Otter-44',
      'me,Bright-Otter-45',
      'dee@example.com,x"y',
      'eve@example.com,Fine-Heron-46',
      '',
      'fay@example.com',
    ].join('\r\n');
    const result = parse(text);
    assert.deepEqual(problems(result), [
      [2, ['empty_row']],
      [3, ['invalid_user']],
      [4, ['bad_password']],
      [5, ['duplicate_user']],
      [6, ['bad_password']],
      [7, ['invalid_user']],
      [8, ['unreadable_row']],
      [10, ['empty_row']],
    ]);
    const included = result.rows.filter((r) => r.problems.length === 0);
    assert.deepEqual(
      included.map((r) => [r.user, r.password]),
      [
        ['ana@example.com', 'Bright-Otter-42'],
        ['eve@example.com', 'Fine-Heron-46'],
        ['fay@example.com', null],
      ],
    );
    // Nothing was corrected: the padded password and the duplicate's case are kept as they were.
    assert.equal(result.rows[5]?.password, ' Padded-Otter-44');
    assert.equal(result.rows[4]?.user, 'ANA@example.com');
    assert.match(result.rows[4]?.problems[0]?.message ?? '', /row 1/);
    assert.equal(result.preview.counts.excluded, 8);
  });

  it('checks passwords against the account policy, and no message or preview holds a password', () => {
    const secret = 'Otter-Bright-42x';
    const result = parse(`email,password\nana@example.com,${secret}\nbo@example.com,Otter-Bright!-4y2z9\n`, {
      policy: STRICT,
    });
    assert.deepEqual(problems(result), []);
    const weak = parse('email,password\nana@example.com,Abcdefgh12x!zz\n', { policy: STRICT });
    assert.deepEqual(problems(weak), [[1, ['bad_password']]]);
    const quoteBroken = parse(`email,password\nana@example.com,${secret}"tail\n`);
    assert.ok(!JSON.stringify(quoteBroken.preview).includes(secret), 'the unreadable row message quotes nothing');
    assert.ok(!JSON.stringify(result.preview).includes(secret));
  });

  it('refuses a file that is not UTF-8, with what to do', () => {
    assert.throws(
      () => decodeCsv(Buffer.from([0x65, 0x6d, 0xe9, 0x0a])),
      (error: unknown) =>
        error instanceof AppError && /not UTF-8/.test(error.message) && /CSV UTF-8/.test(error.action ?? ''),
    );
  });

  it('reports a file with only a header', () => {
    const result = parse('email\n');
    assert.equal(result.rows.length, 0);
    assert.match(result.preview.message ?? '', /no rows/);
  });
});
