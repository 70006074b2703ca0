/**
 * Demo country: pure data, no DB access. Describes the regions, municipalities and
 * educational organisations (ОО) created by the demo seed.
 *
 * Conventions:
 *  - `DemoRegion.code` is a 2-digit ФИС ОКО region code (see REGIONS in @oko/shared).
 *  - Municipality codes are 3 digits, unique within a region ('001', '002', ...).
 *  - Org numbers are 4 digits, unique within a region; the ОО code is region code + number,
 *    so the first school of each region has login sch<region>0001. Schools are numbered
 *    0001.. through the region; colleges use 0101.. (login spo<region>0101).
 *  - No municipality here lies in a time zone other than its region's, so `timeZone`
 *    is omitted everywhere.
 *
 * Municipality names are real; organisation names follow the real naming conventions
 * of each region but are demo data and are not guaranteed to match real institutions.
 */

export interface DemoOrg {
  /** 4 digits, unique within the region. */
  number: string;
  kind: 'school' | 'college';
  fullName: string;
  shortName: string;
  status?: 'active' | 'closed';
  /** The demo leaves this ОО without a login, for the coordinator to issue one. */
  withoutAccount?: boolean;
}

export interface DemoMunicipality {
  /** 3 digits, unique within the region. */
  code: string;
  name: string;
  /** Only if it differs from the region's time zone. */
  timeZone?: string;
  /** The demo leaves this municipality without a coordinator account. */
  withoutCoordinator?: boolean;
  orgs: DemoOrg[];
}

export interface DemoRegion {
  code: string;
  municipalities: DemoMunicipality[];
}

export const DEMO_REGIONS: DemoRegion[] = [
  // ─── 39 Калининградская область (Europe/Kaliningrad, UTC+2) ───
  {
    code: '39',
    municipalities: [
      {
        code: '001',
        name: 'Городской округ "Город Калининград"',
        orgs: [
          {
            number: '0001',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение города Калининграда средняя общеобразовательная школа № 7',
            shortName: 'МАОУ СОШ № 7',
          },
          {
            number: '0002',
            kind: 'school',
            fullName: 'Муниципальное автономное общеобразовательное учреждение города Калининграда гимназия № 1',
            shortName: 'МАОУ гимназия № 1',
          },
          {
            number: '0003',
            kind: 'school',
            fullName: 'Муниципальное автономное общеобразовательное учреждение города Калининграда лицей № 18',
            shortName: 'МАОУ лицей № 18',
          },
          {
            number: '0004',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение города Калининграда средняя общеобразовательная школа № 38',
            shortName: 'МАОУ СОШ № 38',
          },
          {
            number: '0005',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение города Калининграда средняя общеобразовательная школа № 56',
            shortName: 'МАОУ СОШ № 56',
          },
          {
            number: '0101',
            kind: 'college',
            fullName:
              'Государственное бюджетное профессиональное образовательное учреждение Калининградской области "Колледж сервиса и туризма"',
            shortName: 'ГБПОУ КО "КСТ"',
          },
          {
            number: '0102',
            kind: 'college',
            fullName:
              'Государственное бюджетное профессиональное образовательное учреждение Калининградской области "Калининградский педагогический колледж"',
            shortName: 'ГБПОУ КО "КПК"',
          },
        ],
      },
      {
        code: '002',
        name: 'Балтийский городской округ',
        orgs: [
          {
            number: '0006',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 4 г. Балтийска',
            shortName: 'МБОУ СОШ № 4 г. Балтийска',
          },
          {
            number: '0007',
            kind: 'school',
            fullName: 'Муниципальное бюджетное общеобразовательное учреждение гимназия № 7 г. Балтийска',
            shortName: 'МБОУ гимназия № 7 г. Балтийска',
          },
        ],
      },
      {
        code: '003',
        name: 'Зеленоградский муниципальный округ',
        orgs: [
          {
            number: '0008',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение "Средняя общеобразовательная школа г. Зеленоградска"',
            shortName: 'МАОУ "СОШ г. Зеленоградска"',
          },
          {
            number: '0009',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Романовская средняя общеобразовательная школа"',
            shortName: 'МБОУ "Романовская СОШ"',
          },
          {
            number: '0010',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Ковровская основная общеобразовательная школа"',
            shortName: 'МБОУ "Ковровская ООШ"',
          },
        ],
      },
      {
        // left without a coordinator and with a school without a login, so that the regional
        // coordinator has credentials to issue in the demo
        code: '004',
        name: 'Гурьевский муниципальный округ',
        withoutCoordinator: true,
        orgs: [
          {
            number: '0011',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение "Гурьевская средняя общеобразовательная школа"',
            shortName: 'МАОУ "Гурьевская СОШ"',
            withoutAccount: true,
          },
        ],
      },
    ],
  },

  // ─── 77 г. Москва (Europe/Moscow, UTC+3) ───
  {
    code: '77',
    municipalities: [
      {
        code: '001',
        name: 'Центральный административный округ',
        orgs: [
          {
            number: '0001',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1234"',
            shortName: 'ГБОУ Школа № 1234',
          },
          {
            number: '0002',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Лицей № 1535"',
            shortName: 'ГБОУ Лицей № 1535',
          },
          {
            number: '0003',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1284"',
            shortName: 'ГБОУ Школа № 1284',
          },
          {
            number: '0004',
            kind: 'school',
            fullName:
              'Государственное бюджетное общеобразовательное учреждение города Москвы "Гимназия № 1529 имени А.С. Грибоедова"',
            shortName: 'ГБОУ Гимназия № 1529',
          },
          {
            number: '0101',
            kind: 'college',
            fullName:
              'Государственное бюджетное профессиональное образовательное учреждение города Москвы "Колледж связи № 54" имени П.М. Вострухина',
            shortName: 'ГБПОУ КС № 54',
          },
        ],
      },
      {
        code: '002',
        name: 'Северо-Западный административный округ',
        orgs: [
          {
            number: '0005',
            kind: 'school',
            fullName:
              'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1298 "Профиль Куркино""',
            shortName: 'ГБОУ Школа № 1298',
          },
          {
            number: '0006',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1302"',
            shortName: 'ГБОУ Школа № 1302',
          },
          {
            number: '0007',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1571"',
            shortName: 'ГБОУ Школа № 1571',
            status: 'closed',
          },
          {
            number: '0008',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 2097"',
            shortName: 'ГБОУ Школа № 2097',
          },
        ],
      },
      {
        code: '003',
        name: 'Юго-Западный административный округ',
        orgs: [
          {
            number: '0009',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1206"',
            shortName: 'ГБОУ Школа № 1206',
          },
          {
            number: '0010',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 1995"',
            shortName: 'ГБОУ Школа № 1995',
          },
          {
            number: '0011',
            kind: 'school',
            fullName: 'Государственное бюджетное общеобразовательное учреждение города Москвы "Школа № 2010"',
            shortName: 'ГБОУ Школа № 2010',
          },
          {
            number: '0102',
            kind: 'college',
            fullName:
              'Государственное бюджетное профессиональное образовательное учреждение города Москвы "Колледж сферы услуг № 32"',
            shortName: 'ГБПОУ КСУ № 32',
          },
        ],
      },
    ],
  },

  // ─── 25 Приморский край (Asia/Vladivostok, UTC+10) ───
  {
    code: '25',
    municipalities: [
      {
        code: '001',
        name: 'Владивостокский городской округ',
        orgs: [
          {
            number: '0001',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 9 г. Владивостока"',
            shortName: 'МБОУ "СОШ № 9 г. Владивостока"',
          },
          {
            number: '0002',
            kind: 'school',
            fullName: 'Муниципальное бюджетное общеобразовательное учреждение "Гимназия № 1 г. Владивостока"',
            shortName: 'МБОУ "Гимназия № 1 г. Владивостока"',
          },
          {
            number: '0003',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 57 г. Владивостока"',
            shortName: 'МБОУ "СОШ № 57 г. Владивостока"',
          },
          {
            number: '0004',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 76 г. Владивостока"',
            shortName: 'МБОУ "СОШ № 76 г. Владивостока"',
          },
        ],
      },
      {
        code: '002',
        name: 'Уссурийский городской округ',
        orgs: [
          {
            number: '0005',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 4" г. Уссурийска Уссурийского городского округа',
            shortName: 'МБОУ СОШ № 4 г. Уссурийска',
          },
          {
            number: '0006',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 22" г. Уссурийска Уссурийского городского округа',
            shortName: 'МБОУ СОШ № 22 г. Уссурийска',
          },
          {
            number: '0007',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Гимназия № 29" г. Уссурийска Уссурийского городского округа',
            shortName: 'МБОУ "Гимназия № 29" г. Уссурийска',
          },
          {
            number: '0101',
            kind: 'college',
            fullName:
              'Краевое государственное автономное профессиональное образовательное учреждение "Дальневосточный технический колледж"',
            shortName: 'КГА ПОУ "ДВТК"',
          },
        ],
      },
      {
        code: '003',
        name: 'Находкинский городской округ',
        orgs: [
          {
            number: '0008',
            kind: 'school',
            fullName:
              'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 1" Находкинского городского округа',
            shortName: 'МБОУ "СОШ № 1" г. Находки',
          },
          {
            number: '0009',
            kind: 'school',
            fullName:
              'Муниципальное автономное общеобразовательное учреждение "Гимназия № 1" Находкинского городского округа',
            shortName: 'МАОУ "Гимназия № 1" г. Находки',
          },
        ],
      },
    ],
  },
];
