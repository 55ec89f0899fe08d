import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsOptional, Length, MaxLength } from 'class-validator';
import { MAX_BASE64_CHARS, MAX_FILE_NAME_CHARS, MAX_IMPORT_BYTES, MAX_PATH_CHARS } from './import.limits.js';

@InputType('ImportOrganizationsInput', {
  description: 'A spreadsheet of organizations to import: its content in base64, or the path of a file in the import folder (IMPORT_DIR). Exactly one of them.',
})
export class ImportOrganizationsInput {
  @Field(() => String, { nullable: true, description: `File name (shown in the report; its extension helps name the format). Defaults to the path's last part.` })
  @IsOptional()
  @Length(1, MAX_FILE_NAME_CHARS, { message: `Le nom du fichier doit compter de 1 à ${MAX_FILE_NAME_CHARS} caractères.` })
  fileName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The file's content in base64 (at most ${MAX_IMPORT_BYTES} bytes once decoded, and within the HTTP body limit MAX_BODY_BYTES).`,
  })
  @IsOptional()
  @MaxLength(MAX_BASE64_CHARS, { message: `Le fichier est trop volumineux : ${MAX_IMPORT_BYTES / 1_048_576} Mo au plus.` })
  contentBase64?: string | null;

  @Field(() => String, { nullable: true, description: 'Path of a file inside the import folder (IMPORT_DIR), relative to it; anything outside it is refused, links included.' })
  @IsOptional()
  @Length(1, MAX_PATH_CHARS, { message: `Le chemin doit compter de 1 à ${MAX_PATH_CHARS} caractères.` })
  path?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: check every row and report, write nothing.' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun vaut true ou false.' })
  dryRun?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: write the valid rows and report the refused ones; false (default): one refused row refuses the file.' })
  @IsOptional()
  @IsBoolean({ message: 'skipInvalidRows vaut true ou false.' })
  skipInvalidRows?: boolean | null;
}
