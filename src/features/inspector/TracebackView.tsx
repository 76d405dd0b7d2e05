import { useAppStoreApi } from "../../store";

const FRAME = /^(\s*File "main\.py", line )(\d+)(.*)$/;

/** A traceback whose `File "main.py", line N` frames are buttons that show that line in the editor. */
export function TracebackView({ text }: { readonly text: string }) {
  const store = useAppStoreApi();
  return (
    <pre className="inspector__traceback" data-testid="inspector-traceback">
      {text.split("\n").map((line, i) => {
        const frame = FRAME.exec(line);
        if (frame === null) return `${line}\n`;
        const lineNumber = Number(frame[2]);
        return (
          <span key={i}>
            {frame[1]}
            <button type="button" className="inspector__frame" onClick={() => store.getState().revealLine(lineNumber)} title={`Show line ${lineNumber} in the editor`}>
              {frame[2]}
            </button>
            {frame[3]}
            {"\n"}
          </span>
        );
      })}
    </pre>
  );
}
