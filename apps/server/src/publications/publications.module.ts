import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { DOWNLOAD_REPORT_JOB, downloadReportJob } from './download-report.job.ts';
import { DownloadReportRepository } from './download-report.repository.ts';
import { DownloadReportService } from './download-report.service.ts';
import { filesRoutes } from './files.routes.ts';
import { FilesRepository } from './files.repository.ts';
import { FilesService } from './files.service.ts';
import { PublicationsRepository } from './publications.repository.ts';
import { publicationsRoutes } from './publications.routes.ts';
import { PublicationsService } from './publications.service.ts';
import { UploadService } from './upload.service.ts';

/** Wires the publications feature: repositories, services, the download-report job, routes. */
export function publicationsModule(app: App, deps: PlatformDeps): void {
  const publications = new PublicationsRepository(deps.db);
  const files = new FilesRepository(deps.db);
  const reportRepo = new DownloadReportRepository(deps.db);
  deps.jobs.register(DOWNLOAD_REPORT_JOB, downloadReportJob(deps, reportRepo, publications));

  publicationsRoutes(
    app,
    new PublicationsService({ db: deps.db, clock: deps.clock, access: deps.access, publications, files }),
  );
  filesRoutes(app, {
    files: new FilesService({ clock: deps.clock, blobs: deps.blobs, files, publications }),
    upload: new UploadService({ db: deps.db, blobs: deps.blobs, blobsRepo: deps.blobsRepo, files, publications }),
    report: new DownloadReportService(deps.jobs),
  });
}
