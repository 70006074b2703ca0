import { describe, expect, it } from 'vitest';
import { linkedFileIds, parseMarkup } from './markup';

const FILE_ID = '0b6f3c9e-1a2b-4c3d-8e9f-001122334455';

describe('разметка общей информации', () => {
  it('делит текст на абзацы по пустой строке, а строки абзаца — переносами', () => {
    expect(parseMarkup('Уважаемые коллеги!\n\nПервая строка\nвторая строка')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Уважаемые коллеги!' }] },
      {
        kind: 'paragraph',
        content: [{ kind: 'text', text: 'Первая строка' }, { kind: 'break' }, { kind: 'text', text: 'вторая строка' }],
      },
    ]);
  });

  it('понимает полужирный текст, ссылки на сайты и на файлы публикации', () => {
    const [p] = parseMarkup(
      `Загрузить **не позднее 18:00 мск** по [инструкции](file:${FILE_ID}), см. [сайт](https://fioco.ru/vpr).`,
    );
    expect(p).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'Загрузить ' },
        { kind: 'bold', children: [{ kind: 'text', text: 'не позднее 18:00 мск' }] },
        { kind: 'text', text: ' по ' },
        { kind: 'file', text: 'инструкции', fileId: FILE_ID },
        { kind: 'text', text: ', см. ' },
        { kind: 'link', text: 'сайт', href: 'https://fioco.ru/vpr' },
        { kind: 'text', text: '.' },
      ],
    });
    expect(linkedFileIds(parseMarkup(`[a](file:${FILE_ID.toUpperCase()})`))).toEqual([FILE_ID]);
  });

  it('оставляет обычным текстом всё, что не ссылка на сайт или файл, и HTML', () => {
    const [p] = parseMarkup('[нажми](javascript:alert(1)) <script>x</script> **незакрытый');
    expect(p).toEqual({
      kind: 'paragraph',
      content: [{ kind: 'text', text: '[нажми](javascript:alert(1)) <script>x</script> **незакрытый' }],
    });
  });

  it('строки, начинающиеся с «- », становятся списком', () => {
    expect(parseMarkup('- блок с общей информацией;\n- блок **сбора** данных.')).toEqual([
      {
        kind: 'list',
        items: [
          [{ kind: 'text', text: 'блок с общей информацией;' }],
          [
            { kind: 'text', text: 'блок ' },
            { kind: 'bold', children: [{ kind: 'text', text: 'сбора' }] },
            { kind: 'text', text: ' данных.' },
          ],
        ],
      },
    ]);
  });
});
