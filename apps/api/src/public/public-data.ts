import { ProvenanceHttpController } from '../provenance/provenance.http.controller';
import { ProvenanceService } from '../provenance/provenance.service';
import { ReprojectionHttpController } from '../reprojection/reprojection.http.controller';
import { ReprojectionService } from '../reprojection/reprojection.service';
import { CorrectionFeedService } from './correction-feed.service';
import { PublicCorrectionsHttpController } from './public-corrections.http.controller';
import { PublicProvenanceHttpController } from './public-provenance.http.controller';
import { OpenDataService } from './open-data.service';
import { PublicOpenDataHttpController } from './public-open-data.http.controller';

/**
 * Issue 14's routes (public feeds, provenance, open data; the staff's provenance and re-projection)
 * and their services, listed here so that AppModule names them once (app.module.ts is shared by
 * everyone; this list is not).
 */
export const PUBLIC_DATA_CONTROLLERS = [
  PublicCorrectionsHttpController,
  PublicProvenanceHttpController,
  ProvenanceHttpController,
  PublicOpenDataHttpController,
  ReprojectionHttpController,
];
export const PUBLIC_DATA_PROVIDERS = [CorrectionFeedService, ProvenanceService, OpenDataService, ReprojectionService];
