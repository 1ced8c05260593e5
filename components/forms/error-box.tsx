/** A refused form's message under its heading (「入力内容を確認してください」 and the like), in the error style. */
export function ErrorBox({ heading, message }: { heading: string; message: string }) {
  return (
    <div className="rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3 text-std-16N-170 text-solid-gray-900">
      <p className="text-std-16B-170 text-error-2">{heading}</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}
