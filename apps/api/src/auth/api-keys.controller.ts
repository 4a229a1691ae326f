import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from './access.decorators';
import { API_KEY_REGISTRY } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { IssueApiKeyDto } from './issue-api-key.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(@Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry) {}

  /** The key is in this answer only; c2g keeps its hash. */
  @Post()
  @HttpCode(201)
  @Roles('admin')
  issue(@Body() body: IssueApiKeyDto) {
    const { key, principal } = this.registry.issue(body.role, body.label, new Date().toISOString());
    return { key, keyId: principal.keyId, role: principal.role, label: principal.label };
  }
}
