import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { PersonStore } from './person-store';

export const PERSON_STORE = Symbol('PERSON_STORE');

@Injectable()
class PersonStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSON_STORE) private readonly persons: PersonStore) {}

  onApplicationShutdown(): void {
    this.persons.close();
  }
}

@Global()
@Module({})
export class PersonsModule {
  static withStore(persons: PersonStore): DynamicModule {
    return {
      module: PersonsModule,
      providers: [{ provide: PERSON_STORE, useValue: persons }, PersonStoreCloser],
      exports: [PERSON_STORE],
    };
  }
}
