import { z } from '@/lib/schemas/z';

// Zero-width characters (often left by PDF extraction) make two names that look the same differ: removed.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// Bidirectional controls make a name display in another order than it is stored (「全安」 shown for
// 「安全」), so a title could pass for another document's: refused, as are line breaks and controls.
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A title or name shown on one line: zero-width characters removed, control characters refused. */
export function ZSingleLine(label: string, max: number) {
  return z
    .string()
    .transform((value) => value.replace(ZERO_WIDTH, ''))
    .pipe(
      z
        .string()
        .trim()
        .min(1, `${label}を入力してください。`)
        .max(max, `${label}は${max}文字以内で入力してください。`)
        .refine((value) => !BIDI_CONTROL.test(value), `${label}に文字の表示方向を変える制御文字は使用できません。`)
        .refine((value) => !CONTROL.test(value), `${label}に改行や制御文字は使用できません。`),
    );
}
