import { BadRequestException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createHash } from 'node:crypto';
import { planStreamId, ProgramRuleError } from '@c2g/domain';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { fieldProblems } from '../../validation/validation-pipe';
import { RegisterPlanDto } from '../dto/register-plan.dto';
import { PlanCsvRow, readPlanCsv, toMinorUnits } from './plan-csv';

/** The documented header (README, OpenAPI). */
const EXPECTED_HEADER = 'source, authority, externalRef, title, description, sector, communityIds (;-separated) or regionalCouncil, from, to, budget, currency';

/** What a revision may change; source, authority and reference identify the plan. */
const REVISABLE = ['title', 'description', 'sector', 'communityIds', 'regionalCouncil', 'window', 'budget'];

export class ImportPlans {
  constructor(readonly csv: string, readonly context: CommandContext) {}
}

export interface ImportedRow {
  row: number;
  externalRef?: string;
  planId?: string;
  outcome: 'registered' | 'revised' | 'unchanged' | 'rejected';
  reasons?: string[];
}

/** A plan's id follows from its source and external reference, so importing a list again finds it. */
export function importedPlanId(source: string, externalRef: string): string {
  const slug = `${source}-${externalRef}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug.length <= 64 ? slug : `${slug.slice(0, 47)}-${createHash('sha256').update(slug).digest('hex').slice(0, 16)}`;
}

/**
 * Registers, revises or leaves alone each row of a Tekuma / municipal plan list, idempotent
 * by (source, external reference), and reports every row's outcome with its reasons.
 */
@CommandHandler(ImportPlans)
export class ImportPlansHandler implements ICommandHandler<ImportPlans, { rows: ImportedRow[]; summary: Record<string, number> }> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ csv, context }: ImportPlans) {
    const { rows, unknownColumns, missingColumns } = readPlanCsv(csv);
    if (missingColumns.length) {
      throw new BadRequestException({
        code: 'missing-columns',
        message: `missing columns: ${missingColumns.join(', ')}`,
        details: [{ field: 'header', problems: [`expected columns: ${EXPECTED_HEADER}`, ...(unknownColumns.length ? [`not understood: ${unknownColumns.join(', ')}`] : [])] }],
      });
    }
    if (rows.length === 0) {
      throw new BadRequestException({ code: 'import-empty', message: 'the CSV has a header row but no plans (or nothing at all)' });
    }
    const report: ImportedRow[] = [];
    for (const [i, row] of rows.entries()) {
      report.push(await this.importRow(row, { ...context, commandId: derivedId(context, `row-${i}`) }));
    }
    const summary = { registered: 0, revised: 0, unchanged: 0, rejected: 0 };
    for (const r of report) summary[r.outcome] += 1;
    return { rows: report, summary, ...(unknownColumns.length ? { ignoredColumns: unknownColumns } : {}) };
  }

  /** The program rule a row as read would break on registration (the decider, on no state); none when it cannot tell. */
  private ruleProblems(dto: RegisterPlanDto, budget: number | undefined): string[] {
    const { id: _id, ...details } = plain(dto);
    const data = { ...details, planId: 'import-check', budget: { amount: budget ?? 1, currency: dto.budget?.currency } };
    try {
      this.deciders.plan.decide({ type: 'RegisterPlan', data } as Parameters<Deciders['plan']['decide']>[0], this.deciders.plan.initialState());
      return [];
    } catch (error) {
      return error instanceof ProgramRuleError ? [`${error.code}: ${error.message}`] : [];
    }
  }

  private async importRow({ row, fields }: PlanCsvRow, context: CommandContext): Promise<ImportedRow> {
    const budget = fields.budget === undefined ? undefined : toMinorUnits(fields.budget);
    const dto = plainToInstance(RegisterPlanDto, {
      source: fields.source, authority: fields.authority, externalRef: fields.externalRef, title: fields.title,
      description: fields.description ?? '', sector: fields.sector,
      ...(fields.communityIds ? { communityIds: fields.communityIds.split(/[;|]/).map((id) => id.trim()).filter(Boolean) } : {}),
      ...(fields.regionalCouncil ? { regionalCouncil: fields.regionalCouncil } : {}),
      window: { from: fields.from, to: fields.to },
      budget: { amount: budget ?? 0, currency: fields.currency },
    });
    const problems = fieldProblems(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }))
      .filter((p) => budget !== undefined || p.field !== 'budget.amount')
      .map((p) => `${p.field}: ${p.problems.join('; ')}`);
    if (budget === undefined) problems.push('budget: must be an amount in major units with at most two decimals, e.g. 1200000.50');
    const base = { row, externalRef: fields.externalRef };
    // Program rules too, in the same pass, so a list is fixed in one round, not field errors first and rules next.
    if (problems.length) return { ...base, outcome: 'rejected', reasons: [...problems, ...this.ruleProblems(dto, budget)] };
    const planId = importedPlanId(dto.source, dto.externalRef);
    const target = { id: planId, streamId: planStreamId(planId), decider: this.deciders.plan };
    try {
      const { state } = await this.executor.load(target.streamId, target.decider);
      const { id: _id, ...details } = plain(dto);
      if (!state.registered) {
        await this.executor.execute({ ...target, context, command: { type: 'RegisterPlan', data: { planId, ...details } } });
        return { ...base, planId, outcome: 'registered' };
      }
      const registered = state.registered as unknown as Record<string, unknown>;
      const changes = Object.fromEntries(
        Object.entries(details).filter(([key, value]) => REVISABLE.includes(key) && JSON.stringify(value) !== JSON.stringify(registered[key])),
      );
      if (Object.keys(changes).length === 0) return { ...base, planId, outcome: 'unchanged' };
      await this.executor.execute({ ...target, context, command: { type: 'RevisePlan', data: { changes } } });
      return { ...base, planId, outcome: 'revised', reasons: [`changed: ${Object.keys(changes).join(', ')}`] };
    } catch (error) {
      if (error instanceof ProgramRuleError) return { ...base, planId, outcome: 'rejected', reasons: [`${error.code}: ${error.message}`] };
      throw error;
    }
  }
}
