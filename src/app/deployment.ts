// Everything an action needs to know about the deployment before it can touch the register.
import { readDeployment } from '../adapters/properties';
import type { RegisterConfig } from '../adapters/properties';
import { cachedReferenceData, cacheReferenceData } from '../adapters/reference-cache';
import { Register } from '../adapters/register';
import { currentUserEmail } from '../adapters/session';
import type { ReferenceData } from '../domain/declaration';
import { UserFacingError } from './errors';

export interface Deployment {
  user: string;
  config: RegisterConfig | null;
  administrators: string[];
}

export function loadDeployment(): Deployment {
  const { config, administrators } = readDeployment();
  return { user: currentUserEmail(), config, administrators };
}

export function isAdministrator(deployment: Deployment): boolean {
  // Before anyone is named, whoever sets the register up becomes its first administrator.
  return (
    deployment.administrators.length === 0 || deployment.administrators.includes(deployment.user)
  );
}

export interface Workplace extends Deployment {
  config: RegisterConfig;
  register: Register;
  reference: ReferenceData;
  domain: string;
}

/** Opens the register; returns null when the deployment has not been set up yet. */
export function openWorkplace(deployment: Deployment = loadDeployment()): Workplace | null {
  const config = deployment.config;
  if (!config) return null;
  const register = Register.open(config.registerId, deployment.administrators);
  let reference = cachedReferenceData(config.registerId);
  if (!reference) {
    reference = register.readReferenceData();
    cacheReferenceData(config.registerId, reference);
  }
  return { ...deployment, config, register, reference, domain: config.setUpBy.split('@')[1] ?? '' };
}

/** The register for an action; an action before setup is a clear error, not a stack trace. */
export function requireWorkplace(): Workplace {
  const w = openWorkplace();
  if (!w) {
    throw new UserFacingError(
      'Records Capture is not set up yet: ask your records administrator.',
      'Not set up'
    );
  }
  return w;
}
