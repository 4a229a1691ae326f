import { Controller, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { IdParamPipe } from '../commands/id-param.pipe';
import { PERSON_STORE } from './person-store.token';
import { PersonStore } from './person-store';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('persons')
export class PersonsController {
  constructor(@Inject(PERSON_STORE) private readonly persons: PersonStore) {}

  /** Removes a person's name and contacts; events keep the person id, so every chain still verifies. */
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@Param('id', IdParamPipe) id: string) {
    if (!this.persons.erase(id, new Date().toISOString())) {
      throw new NotFoundException({ code: 'person-not-found', message: `no person ${id}` });
    }
    return { personId: id, erased: true };
  }
}
