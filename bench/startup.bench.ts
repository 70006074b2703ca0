// Figure 3: embedded (PGlite) start to ready — first start on an empty DATA_DIR (migrations and
// the demo seed), then a restart on the same DATA_DIR.
import { makeTempDataDir, removeTempDataDir, startServer, type StopResult } from './lib/server.ts';

export interface StartFigures {
  /** Spawn → first 200 from /healthz. */
  readyMs: number;
  /** The server's own figure (process start → listening), from its info log. */
  selfReportedReadyMs: number | null;
  stop: StopResult;
}

export interface StartupFigures {
  cold: StartFigures;
  warm: StartFigures;
}

export async function benchStartup(): Promise<StartupFigures> {
  const dataDir = makeTempDataDir();
  try {
    const once = async (): Promise<StartFigures> => {
      const server = await startServer({ dataDir, logLevel: 'info', timeoutMs: 60_000 });
      const stop = await server.stop();
      if (stop.code !== 0)
        throw new Error(`сервер остановился с кодом ${stop.code} (${stop.signal}):\n${server.output()}`);
      return { readyMs: server.readyMs, selfReportedReadyMs: server.selfReportedReadyMs, stop };
    };
    const cold = await once();
    const warm = await once();
    return { cold, warm };
  } finally {
    removeTempDataDir(dataDir);
  }
}
