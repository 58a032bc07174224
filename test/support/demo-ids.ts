/** Ids from the shipped demo directory (bot/directory/demo-directory.json), named for tests. */
export const DEMO = {
  woodgrove: '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01',
  litware: '9d3e7b2c-1a4f-4c6e-8b5d-2e7f9a1c3b02',
  contoso: '2a7c5e1f-8d3b-4a9c-b6e2-7f1d4c8a9e03',
  fabrikam: '7e4b9d2a-3c6f-4b1e-a8d5-9c2e6f3b7a04',
  adeleAdminAgent: 'a1e5c7d9-3b2f-4e6a-8c1d-0f9e8d7c6b11',
  samSalesAgent: 'b2f6d8e0-4c3a-4f7b-9d2e-1a0f9e8d7c12',
  hanaHelpdeskAgent: 'c3a7e9f1-5d4b-4a8c-8e3f-2b1a0f9e8d13',
  larsLitwareAdmin: 'e5c9a1b3-7f6d-4c0e-a05b-4d3c2b1a0f15',
  meganContosoGa: 'f6d0b2c4-8a7e-4d1f-b16c-5e4d3c2b1a16',
  benContosoBilling: '07e1c3d5-9b8f-4e2a-827d-6f5e4d3c2b17',
  graceContosoReader: '18f2d4e6-0c9a-4f3b-938e-7a6f5e4d3c18',
  oliveContosoUser: '29a3e5f7-1d0b-4a4c-a49f-8b7a6f5e4d19',
  frankFabrikamGa: '3ab4f6a8-2e1c-4b5d-b5a0-9c8b7a6f5e20',
} as const;
