import { useState, type FormEvent } from "react";
import { selectCanRun, selectSource, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import { HTTP_METHODS, requestSpec, webAppRoutes, type HttpMethod } from "./webApp";

/**
 * Sends HTTP requests to the program's FastAPI app: the program runs, then each copy of the
 * request runs as its own task (a lane named after the request), and the responses are printed.
 * Shown only for programs that create a FastAPI app.
 */
export function RequestsPanel() {
  const source = useAppStore(selectSource);
  const canRun = useAppStore(selectCanRun);
  const store = useAppStoreApi();
  const t = useT();
  const routes = webAppRoutes(source);
  const [method, setMethod] = useState<HttpMethod>("GET");
  const [path, setPath] = useState("");
  const [copies, setCopies] = useState("1");
  const [stagger, setStagger] = useState("0");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (routes === undefined) return null;

  const shownPath = path === "" ? (routes[0]?.path ?? "/") : path;
  const handleSend = (event: FormEvent) => {
    event.preventDefault();
    const spec = requestSpec(method, shownPath, Number(copies), Number(stagger));
    if (!spec.ok) return setProblem(spec.error);
    setProblem(undefined);
    store.getState().startRun([spec.value]);
  };

  return (
    <form className="requests" aria-label={t("requests.title")} onSubmit={handleSend}>
      <span className="requests__title">{t("requests.title")}</span>
      <select aria-label={t("requests.method")} value={method} onChange={(e) => setMethod(e.target.value as HttpMethod)}>
        {HTTP_METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <input
        className="requests__path"
        aria-label={t("requests.path")}
        data-testid="request-path"
        value={shownPath}
        onChange={(e) => setPath(e.target.value)}
        list="requests-routes"
        spellCheck={false}
      />
      <datalist id="requests-routes">
        {routes.map((route) => (
          <option key={`${route.method} ${route.path}`} value={route.path}>
            {route.method}
          </option>
        ))}
      </datalist>
      <label title={t("requests.copiesTitle")}>
        ×<input className="requests__number" aria-label={t("requests.copies")} data-testid="request-copies" type="number" min={1} max={1000} value={copies} onChange={(e) => setCopies(e.target.value)} />
      </label>
      <label title={t("requests.staggerTitle")}>
        {t("requests.every")}<input className="requests__number" aria-label={t("requests.stagger")} type="number" min={0} step={0.1} value={stagger} onChange={(e) => setStagger(e.target.value)} />s
      </label>
      <button type="submit" className="button button--small button--primary" data-testid="send-requests" disabled={!canRun}>
        {t("requests.send")}
      </button>
      {problem !== undefined && (
        <span className="requests__problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
